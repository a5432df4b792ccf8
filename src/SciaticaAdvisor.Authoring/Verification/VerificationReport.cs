using System.Collections.Immutable;

namespace SciaticaAdvisor.Verification;

/// <summary>The outcome of checking a rule set's invariants over its input classes.</summary>
public sealed record VerificationReport
{
    /// <summary>How many profiles were advised and checked.</summary>
    public required long Checked { get; init; }

    /// <summary>The number of scalar classes: every enum value, both booleans, integers split at every threshold.</summary>
    public required long ScalarClasses { get; init; }

    /// <summary>The number of set-field combinations crossed with the scalar classes.</summary>
    public required long SetCombinations { get; init; }

    /// <summary>The most set values present at once in a combination (beside each set field with all its values).</summary>
    public required int Strength { get; init; }

    /// <summary>Every distinct violation, each with the smallest profile that shows it.</summary>
    public required ImmutableArray<InvariantViolation> Violations { get; init; }

    /// <summary>Whether the rule set kept every invariant on every checked profile.</summary>
    public bool Passed => Violations.IsEmpty;

    /// <summary>A one-line summary of what was checked.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Checked} profiles checked ({ScalarClasses} scalar classes x {SetCombinations} set combinations, up to {Strength} set values at once): {Violations.Length} violations";
}
