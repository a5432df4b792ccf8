using System.Collections.Immutable;

namespace SciaticaAdvisor.Rules;

/// <summary>Thrown when a rule file does not load; carries every error found, each with its position.</summary>
public sealed class RuleSetException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">Every error found; at least one.</param>
    public RuleSetException(ImmutableArray<RuleSetError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Every error found, in file order.</summary>
    public ImmutableArray<RuleSetError> Errors { get; }

    private static string Describe(ImmutableArray<RuleSetError> errors) =>
        errors.Length == 1
            ? $"The rule set does not load: {errors[0]}"
            : $"The rule set does not load: {errors.Length} errors, the first: {errors[0]}";
}
