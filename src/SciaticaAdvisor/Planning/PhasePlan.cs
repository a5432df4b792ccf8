namespace SciaticaAdvisor.Planning;

/// <summary>How often to have sessions in one phase: between <see cref="MinSessions"/> and <see cref="MaxSessions"/> every <see cref="PeriodWeeks"/> weeks.</summary>
public sealed record PhasePlan
{
    /// <summary>The phase.</summary>
    public required PlanPhase Phase { get; init; }

    /// <summary>The fewest sessions per period.</summary>
    public required int MinSessions { get; init; }

    /// <summary>The most sessions per period.</summary>
    public required int MaxSessions { get; init; }

    /// <summary>The length of a period in weeks.</summary>
    public required int PeriodWeeks { get; init; }

    /// <summary>The shortest the phase lasts in weeks, or <see langword="null"/> when open-ended.</summary>
    public required int? MinWeeks { get; init; }

    /// <summary>The longest the phase lasts in weeks, or <see langword="null"/> when open-ended.</summary>
    public required int? MaxWeeks { get; init; }

    /// <summary>What the phase is for.</summary>
    public required string Goal { get; init; }
}
