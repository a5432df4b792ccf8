using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Inspection;

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
        var rules = RuleSetInspection.Of(advisor).Rules;
        var findings = new List<LintFinding>();
        var derived = rules.SelectMany(r => r.DerivedFacts.Select(name => (Name: name, Rule: r))).ToList();
        var avoided = rules.SelectMany(r => r.AvoidedStyles).ToHashSet();

        foreach (var rule in rules)
        {
            if (!GuidanceItems.All.Contains(rule.Info.Guidance))
            {
                findings.Add(Finding(LintSeverity.Warning, "unknown-guidance", rule, $"guidance '{rule.Info.Guidance}' is not an item of the guidance (G1.1 … G10.2)"));
            }

            if (!rule.ProfileTestsCanHold)
            {
                findings.Add(Finding(LintSeverity.Error, "never-fires", rule, "no profile satisfies this rule's condition; it can never fire"));
            }

            foreach (var test in rule.EngineTests)
            {
                CheckEngineTest(rule, test, derived, avoided, findings);
            }
        }

        ConflictingFirsts(rules, findings);

        foreach (var style in Enum.GetValues<MassageStyle>())
        {
            if (!rules.Any(r => r.RecommendedStyles.Contains(style)))
            {
                findings.Add(new LintFinding(LintSeverity.Warning, "style-never-recommended", null, Source(rules), 0,
                    $"no rule recommends {ContractNames.NameOf(style)} with a positive score, so it is never advised"));
            }
        }

        if (!rules.Any(r => r.SetsPhase))
        {
            findings.Add(new LintFinding(LintSeverity.Error, "no-phase", null, Source(rules), 0, "no rule sets a plan phase, so every advice with styles is a rule-set fault"));
        }

        foreach (var item in GuidanceItems.All.Where(item => !rules.Any(r => r.Info.Guidance == item)))
        {
            findings.Add(new LintFinding(LintSeverity.Info, "guidance-not-covered", null, Source(rules), 0, $"no rule implements guidance item {item}"));
        }

        return [.. findings.OrderByDescending(f => f.Severity)];
    }

    /// <summary>
    /// Two rules that put different styles first and both apply to some profile: no ranking keeps
    /// both, so every such profile meets a <see cref="Rules.RuleSetFaultException"/>. An error when
    /// the profile conditions alone decide it; a warning when a fact test might keep them apart.
    /// </summary>
    private static void ConflictingFirsts(ImmutableArray<InspectedRule> rules, List<LintFinding> findings)
    {
        var firsts = rules.SelectMany(r => r.RanksFirst.Select(styles => (Rule: r, Styles: styles))).ToList();
        for (var j = 1; j < firsts.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var (earlier, later) = (firsts[i], firsts[j]);
                if (ReferenceEquals(earlier.Rule, later.Rule) || earlier.Styles.Intersect(later.Styles).Any()
                    || !RuleSetInspection.CanHoldTogether(earlier.Rule, later.Rule))
                {
                    continue;
                }

                var decided = earlier.Rule.EngineTests.IsEmpty && later.Rule.EngineTests.IsEmpty;
                findings.Add(Finding(
                    decided ? LintSeverity.Error : LintSeverity.Warning,
                    "conflicting-placements",
                    later.Rule,
                    $"this rule puts {Names(later.Styles)} first and rule '{earlier.Rule.Info.Id}' puts {Names(earlier.Styles)} first, and "
                    + (decided ? "both apply to some profiles" : "their profile conditions overlap (unless a fact keeps them apart)")
                    + ": no ranking keeps both, so advising those profiles is a rule-set fault"));
            }
        }
    }

    private static string Names(ImmutableArray<MassageStyle> styles) => string.Join(" or ", styles.Select(ContractNames.NameOf));

    private static void CheckEngineTest(InspectedRule rule, EngineTest test, List<(string Name, InspectedRule Rule)> derived, HashSet<MassageStyle> avoided, List<LintFinding> findings)
    {
        if (test.Fact is { } fact)
        {
            var derivers = derived.Where(d => d.Name == fact).Select(d => d.Rule).ToList();
            if (derivers.Count == 0 && !test.Negated)
            {
                findings.Add(Finding(LintSeverity.Error, "never-fires", rule, $"no rule derives the fact '{fact}', so this rule can never fire"));
            }
            else if (derivers.Count == 0)
            {
                findings.Add(Finding(LintSeverity.Warning, "unknown-fact", rule, $"no rule derives the fact '{fact}', so 'not' on it always holds"));
            }
            else if (test.Negated && derivers.Any(d => d.Priority <= rule.Priority))
            {
                findings.Add(Finding(LintSeverity.Warning, "fact-order", rule,
                    $"this rule tests 'not: {{ fact: {fact} }}' but does not have a lower priority than every rule deriving it, so it may fire first"));
            }
        }
        else if (test.AvoidedStyle is { } style && !avoided.Contains(style) && !test.Negated)
        {
            findings.Add(Finding(LintSeverity.Error, "never-fires", rule, $"no rule avoids {ContractNames.NameOf(style)}, so this rule can never fire"));
        }
    }

    private static LintFinding Finding(LintSeverity severity, string code, InspectedRule rule, string message) =>
        new(severity, code, rule.Info.Id, rule.Info.Source, rule.Line, message);

    private static string Source(ImmutableArray<InspectedRule> rules) => rules.IsEmpty ? "rules" : rules[^1].Info.Source;
}
