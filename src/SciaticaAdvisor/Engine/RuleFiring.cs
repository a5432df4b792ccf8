using NRules.RuleModel;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>Runs a rule's actions against the session's advice sheet when NRules fires it.</summary>
internal sealed class RuleFiring(RuleDefinition rule)
{
    public void Fire(IContext context, AdviceSheet sheet) => Apply(rule, sheet, new ContextFacts(context, sheet));

    /// <summary>
    /// What firing <paramref name="rule"/> does to the sheet. The engine calls it through <see cref="Fire"/>;
    /// the advice cache calls it again, with the facts going nowhere, to replay rules the engine already
    /// chose for the profile's input class.
    /// </summary>
    public static void Apply(RuleDefinition rule, AdviceSheet sheet, IFactSink facts)
    {
        // NRules fires one rule at a time, so the trace is in firing order; recording it here rather
        // than from the session's RuleFiredEvent saves an event per firing.
        sheet.Trace.Add(rule);
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
