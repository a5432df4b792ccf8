using NRules.RuleModel;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>Runs a rule's actions against the session's advice sheet when NRules fires it.</summary>
internal sealed class RuleFiring(RuleDefinition rule)
{
    public void Fire(IContext context, AdviceSheet sheet)
    {
        // NRules fires one rule at a time, so the trace is in firing order; recording it here rather
        // than from the session's RuleFiredEvent saves an event per firing.
        sheet.Trace.Add(rule);
        var facts = new ContextFacts(context, sheet);
        foreach (var action in rule.Then)
        {
            action.Apply(sheet, rule, facts);
        }
    }

    private sealed class ContextFacts(IContext context, AdviceSheet sheet) : IFactSink
    {
        public void Insert(object fact)
        {
            if (context.TryInsert(fact))
            {
                // Remembered so a pooled session can be emptied for the next advice.
                sheet.Asserted.Add(fact);
            }
        }
    }
}
