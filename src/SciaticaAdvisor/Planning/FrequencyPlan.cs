using System.Collections.Immutable;

namespace SciaticaAdvisor.Planning;

/// <summary>The session frequency plan: the phase the person is in, and all three phases.</summary>
public sealed record FrequencyPlan
{
    /// <summary>The phase the person is in now.</summary>
    public required PlanPhase CurrentPhase { get; init; }

    /// <summary>All three phases, in the order they follow each other.</summary>
    public required ImmutableArray<PhasePlan> Phases { get; init; }

    /// <summary>The fixed phases: intensive, corrective, maintenance.</summary>
    public static ImmutableArray<PhasePlan> StandardPhases { get; } =
    [
        new() { Phase = PlanPhase.Intensive, MinSessions = 1, MaxSessions = 2, PeriodWeeks = 1, MinWeeks = 4, MaxWeeks = 6, Goal = "relief for moderate to severe pain" },
        new() { Phase = PlanPhase.Corrective, MinSessions = 1, MaxSessions = 2, PeriodWeeks = 2, MinWeeks = null, MaxWeeks = null, Goal = "fix the underlying pattern" },
        new() { Phase = PlanPhase.Maintenance, MinSessions = 1, MaxSessions = 1, PeriodWeeks = 4, MinWeeks = null, MaxWeeks = null, Goal = "prevent recurrence" },
    ];

    /// <summary>Creates the standard plan with the given current phase.</summary>
    /// <param name="currentPhase">The phase the person is in now.</param>
    /// <returns>The plan.</returns>
    public static FrequencyPlan For(PlanPhase currentPhase) => new() { CurrentPhase = currentPhase, Phases = StandardPhases };
}
