using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Verification;

namespace SciaticaAdvisor.Linting;

/// <summary>Finds mistakes in a loaded rule set that loading cannot: rules that never fire, unknown guidance items, styles no rule recommends.</summary>
/// <remarks>Errors that stop a rule set from loading (syntax, unknown fields, duplicate ids) come from <see cref="AdvisorBuilder.Build"/> as a <see cref="Rules.RuleSetException"/>.</remarks>
public static class RuleSetLinter
{
    /// <summary>Lints the rule set of an advisor.</summary>
    /// <param name="advisor">The advisor whose rules to lint.</param>
    /// <returns>Every finding, most severe first, then in rule order.</returns>
    public static ImmutableArray<LintFinding> Lint(Advisor advisor)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var rules = advisor.Definitions;
        var findings = new List<LintFinding>();
        var derived = rules.SelectMany(r => r.Then.OfType<DeriveAction>().Select(a => (a.Name, Rule: r))).ToList();
        var avoided = rules.SelectMany(r => r.Then.OfType<ContraindicateAction>()).Where(a => a.Level == ContraindicationLevel.Avoid).Select(a => a.Style).ToHashSet();

        foreach (var rule in rules)
        {
            if (!GuidanceItems.All.Contains(rule.Guidance))
            {
                findings.Add(Finding(LintSeverity.Warning, "unknown-guidance", rule, $"guidance '{rule.Guidance}' is not an item of the guidance (G1.1 … G10.2)"));
            }

            if (rule.When is { } when && !CanMatch(when))
            {
                findings.Add(Finding(LintSeverity.Error, "never-fires", rule, "no profile satisfies this rule's condition; it can never fire"));
            }

            foreach (var (test, negated) in FactTests(rule.When))
            {
                CheckFactTest(rule, test, negated, derived, avoided, findings);
            }
        }

        foreach (var style in EnumNames<MassageStyle>.Values)
        {
            if (!rules.Any(r => r.Then.OfType<RecommendAction>().Any(a => a.Style == style && a.Score > 0)))
            {
                findings.Add(new LintFinding(LintSeverity.Warning, "style-never-recommended", null, Source(rules), 0,
                    $"no rule recommends {EnumNames<MassageStyle>.NameOf(style)} with a positive score, so it is never advised"));
            }
        }

        if (!rules.Any(r => r.Then.OfType<PhaseAction>().Any()))
        {
            findings.Add(new LintFinding(LintSeverity.Error, "no-phase", null, Source(rules), 0, "no rule sets a plan phase, so every advice with styles is a rule-set fault"));
        }

        foreach (var item in GuidanceItems.All.Where(item => !rules.Any(r => r.Guidance == item)))
        {
            findings.Add(new LintFinding(LintSeverity.Info, "guidance-not-covered", null, Source(rules), 0, $"no rule implements guidance item {item}"));
        }

        return [.. findings.OrderByDescending(f => f.Severity)];
    }

    private static void CheckFactTest(RuleDefinition rule, Condition test, bool negated, List<(string Name, RuleDefinition Rule)> derived, HashSet<MassageStyle> avoided, List<LintFinding> findings)
    {
        if (test is FactCondition fact)
        {
            var derivers = derived.Where(d => d.Name == fact.Name).Select(d => d.Rule).ToList();
            if (derivers.Count == 0 && !negated)
            {
                findings.Add(Finding(LintSeverity.Error, "never-fires", rule, $"no rule derives the fact '{fact.Name}', so this rule can never fire"));
            }
            else if (derivers.Count == 0)
            {
                findings.Add(Finding(LintSeverity.Warning, "unknown-fact", rule, $"no rule derives the fact '{fact.Name}', so 'not' on it always holds"));
            }
            else if (negated && derivers.Any(d => d.Priority <= rule.Priority))
            {
                findings.Add(Finding(LintSeverity.Warning, "fact-order", rule,
                    $"this rule tests 'not: {{ fact: {fact.Name} }}' but does not have a lower priority than every rule deriving it, so it may fire first"));
            }
        }
        else if (test is StyleAvoidedCondition style && !avoided.Contains(style.Style) && !negated)
        {
            findings.Add(Finding(LintSeverity.Error, "never-fires", rule, $"no rule avoids {EnumNames<MassageStyle>.NameOf(style.Style)}, so this rule can never fire"));
        }
    }

    private static bool CanMatch(Condition when)
    {
        var profileTests = ProfileTests(when).ToList();
        if (profileTests.Count == 0)
        {
            return true;
        }

        var condition = new AllCondition(profileTests);
        return ProfileSpace.For([condition], allFields: false).Enumerate().Any(p => condition.Matches(new ProfileFact(p)));
    }

    private static IEnumerable<Condition> ProfileTests(Condition when) => when switch
    {
        AllCondition all => all.Children.SelectMany(ProfileTests),
        FactCondition or StyleAvoidedCondition or NotCondition { Child: FactCondition or StyleAvoidedCondition } => [],
        _ => [when],
    };

    private static IEnumerable<(Condition Test, bool Negated)> FactTests(Condition? when) => when switch
    {
        AllCondition all => all.Children.SelectMany(FactTests),
        FactCondition or StyleAvoidedCondition => [(when, false)],
        NotCondition { Child: FactCondition or StyleAvoidedCondition } not => [(not.Child, true)],
        _ => [],
    };

    private static LintFinding Finding(LintSeverity severity, string code, RuleDefinition rule, string message) =>
        new(severity, code, rule.Id, rule.Source, rule.Line, message);

    private static string Source(ImmutableArray<RuleDefinition> rules) => rules.IsEmpty ? "rules" : rules[^1].Source;
}
