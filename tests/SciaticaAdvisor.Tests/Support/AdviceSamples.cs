using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Tests.Support;

/// <summary>Hand-made advice documents, for tests of the output's shape that must not wait for the rule engine.</summary>
public static class AdviceSamples
{
    /// <summary>The camelCase name of every advice enum member that <see cref="WithEveryEnumName"/> holds.</summary>
    public static ImmutableArray<string> EnumNames { get; } =
    [
        "clearanceNeeded", "shiatsu", "deepTissue", "lomiLomi", "relaxation", "reflexology",
        "light", "moderate", "firm",
        "piriformis", "gluteals", "lowerBack", "hipFlexors", "hamstrings", "calves", "feet", "wholeBody",
        "avoid", "caution", "heatIce", "routine", "intensive", "corrective", "maintenance",
    ];

    /// <summary>An advice that uses every member of every advice enum at least once.</summary>
    public static MassageAdvice WithEveryEnumName() => new()
    {
        Status = AdviceStatus.ClearanceNeeded,
        Styles =
        [
            Style(MassageStyle.Shiatsu, 1, Pressure.Light, FocusArea.Piriformis, FocusArea.Gluteals),
            Style(MassageStyle.LomiLomi, 2, Pressure.Moderate, FocusArea.LowerBack, FocusArea.HipFlexors, FocusArea.Hamstrings),
            Style(MassageStyle.Relaxation, 3, Pressure.Firm, FocusArea.Calves, FocusArea.WholeBody),
            Style(MassageStyle.Reflexology, 4, Pressure.Moderate, FocusArea.Feet),
        ],
        Contraindications =
        [
            new Contraindication { Style = MassageStyle.DeepTissue, Level = ContraindicationLevel.Avoid, Reason = "flare", RuleIds = ["r1"] },
            new Contraindication { Style = MassageStyle.Reflexology, Level = ContraindicationLevel.Caution, Reason = "care", RuleIds = ["r2"] },
        ],
        Adjuncts = [new Adjunct { Therapy = AdjunctTherapy.HeatIce, Reason = "heat", RuleIds = ["r3"] }],
        Plan = new FrequencyPlan
        {
            CurrentPhase = PlanPhase.Intensive,
            Phases =
            [
                Phase(PlanPhase.Intensive, 2, 3, 1, 2, 4),
                Phase(PlanPhase.Corrective, 1, 2, 1, 4, 8),
                Phase(PlanPhase.Maintenance, 1, 2, 4, null, null),
            ],
        },
        Referral = new Referral { Urgency = ReferralUrgency.Routine, Reasons = ["see a doctor"], RuleIds = ["r4"] },
        Notes = ["lie on the side"],
        Trace = [new TraceEntry("r1", "Rule one")],
        RuleSet = new RuleSetInfo { Name = "test", Version = "1.0.0", Sha256 = new string('0', 64) },
    };

    private static StyleAdvice Style(MassageStyle style, int rank, Pressure pressure, params FocusArea[] areas) => new()
    {
        Style = style,
        Rank = rank,
        Score = 10 - rank,
        Pressure = pressure,
        FocusAreas = [.. areas],
        Rationale = "suits",
        RuleIds = ["r1"],
    };

    private static PhasePlan Phase(PlanPhase phase, int minSessions, int maxSessions, int periodWeeks, int? minWeeks, int? maxWeeks) => new()
    {
        Phase = phase,
        MinSessions = minSessions,
        MaxSessions = maxSessions,
        PeriodWeeks = periodWeeks,
        MinWeeks = minWeeks,
        MaxWeeks = maxWeeks,
        Goal = "goal",
    };
}
