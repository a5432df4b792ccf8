using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>Puts rule files over each other: each layer adds rules, disables lower rules by id, or replaces them with <c>replace: true</c>.</summary>
internal static class RuleLayering
{
    public static List<RuleDefinition> Combine(IReadOnlyList<RuleSetDocument> layers)
    {
        var rules = new List<RuleDefinition>();
        var errors = new List<RuleSetError>();
        foreach (var layer in layers)
        {
            foreach (var disabled in layer.Disable)
            {
                if (rules.RemoveAll(r => r.Id == disabled.Id) == 0)
                {
                    errors.Add(new RuleSetError(layer.Source, disabled.Line, disabled.Column, $"'disable' names the rule '{disabled.Id}', which no lower layer has"));
                }
            }

            foreach (var rule in layer.Rules)
            {
                var index = rules.FindIndex(r => r.Id == rule.Id);
                if (rule.Replace && index >= 0)
                {
                    rules[index] = rule;
                }
                else if (rule.Replace)
                {
                    errors.Add(At(rule, $"the rule '{rule.Id}' has 'replace: true' but no lower layer has a rule with that id"));
                }
                else if (index >= 0)
                {
                    errors.Add(At(rule, $"the rule id '{rule.Id}' is already used in {rules[index].Source}; add 'replace: true' to replace it, or choose another id"));
                }
                else
                {
                    rules.Add(rule);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new RuleSetException([.. errors]);
        }

        return rules;
    }

    private static RuleSetError At(RuleDefinition rule, string message) => new(rule.Source, rule.Line, rule.Column, message);
}
