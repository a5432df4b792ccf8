using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Scenarios;

/// <summary>What an advice must show. Every expectation is optional: <see langword="null"/> means "not checked".</summary>
public sealed record ScenarioExpectations
{
    /// <summary>The advice's status.</summary>
    public AdviceStatus? Status { get; init; }

    /// <summary>The top style must be one of these.</summary>
    public ImmutableArray<MassageStyle>? TopStyle { get; init; }

    /// <summary>Styles that must be in the advice's styles.</summary>
    public ImmutableArray<MassageStyle>? StylesPresent { get; init; }

    /// <summary>Styles that must not be in the advice's styles.</summary>
    public ImmutableArray<MassageStyle>? StylesAbsent { get; init; }

    /// <summary>Styles that must be advised at a given rank or better.</summary>
    public ImmutableArray<RankLimit>? RankAtMost { get; init; }

    /// <summary>Pairs of advised styles, the first ranking above the second.</summary>
    public ImmutableArray<RankOrder>? RankedAbove { get; init; }

    /// <summary>Contraindication levels, or none, per style.</summary>
    public ImmutableArray<ExpectedContraindication>? Contraindications { get; init; }

    /// <summary>Exact advised pressures per style.</summary>
    public ImmutableArray<ExpectedPressure>? Pressure { get; init; }

    /// <summary>No advised style's pressure may be above this.</summary>
    public Pressure? MaxPressure { get; init; }

    /// <summary>Focus areas each listed style must include.</summary>
    public ImmutableArray<ExpectedFocus>? FocusAreas { get; init; }

    /// <summary>Exactly these adjunct therapies, in any order (empty: none).</summary>
    public ImmutableArray<AdjunctTherapy>? Adjuncts { get; init; }

    /// <summary>Whether <see cref="Phase"/> is checked; needed because a <see langword="null"/> phase means "no plan".</summary>
    public bool ChecksPhase { get; init; }

    /// <summary>The plan's current phase, or <see langword="null"/> for no plan; checked when <see cref="ChecksPhase"/>.</summary>
    public PlanPhase? Phase { get; init; }

    /// <summary>Whether <see cref="Referral"/> is checked; needed because a <see langword="null"/> referral means "none".</summary>
    public bool ChecksReferral { get; init; }

    /// <summary>The referral's urgency, or <see langword="null"/> for no referral; checked when <see cref="ChecksReferral"/>.</summary>
    public ReferralUrgency? Referral { get; init; }

    /// <summary>The number of reasons the referral gives (0: no referral).</summary>
    public int? ReferralReasons { get; init; }

    /// <summary>Texts each of which must be a case-insensitive substring of some note.</summary>
    public ImmutableArray<string>? NotesContain { get; init; }

    /// <summary>Rule ids that must be in the trace.</summary>
    public ImmutableArray<string>? RulesFired { get; init; }

    /// <summary>Rule ids that must not be in the trace.</summary>
    public ImmutableArray<string>? RulesNotFired { get; init; }
}
