using System.Collections.Immutable;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Scenarios;

/// <summary>The outcome of running one scenario.</summary>
public sealed record ScenarioResult
{
    /// <summary>The scenario that ran.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The advice it produced, or <see langword="null"/> when the rule set faulted.</summary>
    public required MassageAdvice? Advice { get; init; }

    /// <summary>One readable message per unmet expectation, such as <c>topStyle: expected deepTissue, was shiatsu</c>.</summary>
    public required ImmutableArray<string> Failures { get; init; }

    /// <summary>The scenario's name.</summary>
    public string Name => Scenario.Name;

    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;

    /// <inheritdoc />
    public override string ToString() =>
        Passed ? $"PASS {Scenario}" : $"FAIL {Scenario}{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Failures);
}
