using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Classes;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Rules.Inspection;

/// <summary>One rule of a compiled rule set as data: where it is, what its condition tests beside the profile, and what its actions produce.</summary>
public sealed record InspectedRule
{
    /// <summary>The rule's id, name, guidance item and source file.</summary>
    public required RuleInfo Info { get; init; }

    /// <summary>The rule's priority: higher fires first.</summary>
    public required int Priority { get; init; }

    /// <summary>The line of the rule in its file (1-based), or 0 when not known.</summary>
    public required int Line { get; init; }

    /// <summary>Whether some profile satisfies the profile tests of the rule's condition (ignoring its engine tests); <see langword="false"/> means the rule can never fire.</summary>
    public required bool ProfileTestsCanHold { get; init; }

    /// <summary>The tests of the condition on what other rules did (derived facts, avoided styles), each a conjunct of the condition.</summary>
    public required ImmutableArray<EngineTest> EngineTests { get; init; }

    /// <summary>The facts the rule derives.</summary>
    public required ImmutableArray<string> DerivedFacts { get; init; }

    /// <summary>The styles the rule contraindicates at level <see cref="ContraindicationLevel.Avoid"/>.</summary>
    public required ImmutableArray<MassageStyle> AvoidedStyles { get; init; }

    /// <summary>The styles the rule recommends with a positive score.</summary>
    public required ImmutableArray<MassageStyle> RecommendedStyles { get; init; }

    /// <summary>Whether the rule sets the plan phase.</summary>
    public required bool SetsPhase { get; init; }

    /// <summary>The style lists of the rule's <c>rankFirst</c> placements: one of each list must rank first.</summary>
    public required ImmutableArray<ImmutableArray<MassageStyle>> RanksFirst { get; init; }

    /// <summary>The rule's condition, for <see cref="RuleSetInspection.CanHoldTogether"/>.</summary>
    internal Condition? When { get; init; }

    internal static InspectedRule From(RuleDefinition rule) => new()
    {
        Info = new RuleInfo(rule.Id, rule.Name, rule.Guidance, rule.Source),
        Priority = rule.Priority,
        Line = rule.Line,
        ProfileTestsCanHold = rule.When is null || ProfileSpace.CanHold(ProfileTests(rule.When).ToList()),
        EngineTests = [.. EngineTestsOf(rule.When)],
        DerivedFacts = [.. rule.Then.OfType<DeriveAction>().Select(a => a.Name)],
        AvoidedStyles = [.. rule.Then.OfType<ContraindicateAction>().Where(a => a.Level == ContraindicationLevel.Avoid).Select(a => a.Style)],
        RecommendedStyles = [.. rule.Then.OfType<RecommendAction>().Where(a => a.Score > 0).Select(a => a.Style)],
        SetsPhase = rule.Then.OfType<PhaseAction>().Any(),
        RanksFirst = [.. rule.Then.OfType<PlaceAction>().Where(a => a.Placement.Kind == PlacementKind.First).Select(a => a.Placement.Styles.ToImmutableArray())],
        When = rule.When,
    };

    /// <summary>The conjuncts of a condition that test the profile (not what other rules did).</summary>
    internal static IEnumerable<Condition> ProfileTestsOf(Condition? when) => when is null ? [] : ProfileTests(when);

    private static IEnumerable<Condition> ProfileTests(Condition when) => when switch
    {
        AllCondition all => all.Children.SelectMany(ProfileTests),
        FactCondition or StyleAvoidedCondition or NotCondition { Child: FactCondition or StyleAvoidedCondition } => [],
        _ => [when],
    };

    private static IEnumerable<EngineTest> EngineTestsOf(Condition? when) => when switch
    {
        AllCondition all => all.Children.SelectMany(EngineTestsOf),
        FactCondition fact => [new EngineTest(fact.Name, null, Negated: false)],
        StyleAvoidedCondition style => [new EngineTest(null, style.Style, Negated: false)],
        NotCondition { Child: FactCondition fact } => [new EngineTest(fact.Name, null, Negated: true)],
        NotCondition { Child: StyleAvoidedCondition style } => [new EngineTest(null, style.Style, Negated: true)],
        _ => [],
    };
}
