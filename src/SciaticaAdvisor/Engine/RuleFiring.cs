using NRules.RuleModel;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>Runs a rule's actions against the session's advice sheet when NRules fires it.</summary>
internal sealed class RuleFiring(RuleDefinition rule)
{
    public void Fire(IContext context, AdviceSheet sheet)
    {
        var facts = new ContextFacts(context);
        foreach (var action in rule.Then)
        {
            action.Apply(sheet, rule, facts);
        }
    }

    private sealed class ContextFacts(IContext context) : IFactSink
    {
        public void Insert(object fact) => context.TryInsert(fact);
    }
}
