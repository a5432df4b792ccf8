using System.Collections.Immutable;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Advice;

/// <summary>The advice for one symptom profile: styles, contraindications, plan, referral and the rules behind them.</summary>
public sealed record MassageAdvice
{
    /// <summary>What the advice amounts to.</summary>
    public required AdviceStatus Status { get; init; }

    /// <summary>Suitable massage styles, best first; empty exactly when <see cref="Status"/> is <see cref="AdviceStatus.Referral"/>.</summary>
    public required ImmutableArray<StyleAdvice> Styles { get; init; }

    /// <summary>Styles to avoid or to use only with caution, each with its reason, in style order.</summary>
    public required ImmutableArray<Contraindication> Contraindications { get; init; }

    /// <summary>Therapies beside massage; empty when <see cref="Status"/> is <see cref="AdviceStatus.Referral"/>.</summary>
    public required ImmutableArray<Adjunct> Adjuncts { get; init; }

    /// <summary>The session frequency plan, or <see langword="null"/> when no style is advised.</summary>
    public required FrequencyPlan? Plan { get; init; }

    /// <summary>Who to see, how soon and why, or <see langword="null"/> when no rule refers.</summary>
    public required Referral? Referral { get; init; }

    /// <summary>Other advice for the person or the therapist, in the order the rules gave it.</summary>
    public required ImmutableArray<string> Notes { get; init; }

    /// <summary>Every rule that fired, in firing order.</summary>
    public required ImmutableArray<TraceEntry> Trace { get; init; }

    /// <summary>The rule set that produced this advice.</summary>
    public required RuleSetInfo RuleSet { get; init; }

    /// <summary>The advice without what depends on which rules produced it: the rule set, the trace and every section's rule ids.</summary>
    /// <returns>A copy that two rule sets advising alike give equally, for comparing advice across rule sets.</returns>
    public MassageAdvice WithoutProvenance() => this with
    {
        RuleSet = NoRuleSet,
        Trace = [],
        Styles = [.. Styles.Select(s => s with { RuleIds = [] })],
        Contraindications = [.. Contraindications.Select(c => c with { RuleIds = [] })],
        Adjuncts = [.. Adjuncts.Select(a => a with { RuleIds = [] })],
        Referral = Referral is { } referral ? referral with { RuleIds = [] } : null,
    };

    private static readonly RuleSetInfo NoRuleSet = new() { Name = "", Version = "", Sha256 = "" };
}
