using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SciaticaAdvisor.Profiles;

/// <summary>Thrown when a profile is not valid; carries every error found.</summary>
/// <remarks>
/// The exception's message says what is wrong at each path and what is allowed
/// (<c>$.painIntensity: must be between 0 and 10</c>), but never quotes the input: a profile is
/// health data and exception messages end up in logs. The values are in <see cref="Errors"/>, for
/// the caller.
/// </remarks>
public sealed partial class ProfileValidationException : Exception
{
    private const int MaxListed = 10;

    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">Every error found; at least one.</param>
    public ProfileValidationException(ImmutableArray<ProfileError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Every error found, in the order of the profile's properties.</summary>
    public ImmutableArray<ProfileError> Errors { get; }

    /// <summary>An error as the exception's message gives it: its path and its message without the input it quotes.</summary>
    internal static string WithoutInput(ProfileError error) =>
        $"{error.Path}: {Was().Replace(Quoted().Replace(error.Message, string.Empty), string.Empty)}";

    private static string Describe(ImmutableArray<ProfileError> errors)
    {
        var listed = string.Join("; ", errors.Take(MaxListed).Select(WithoutInput));
        var more = errors.Length > MaxListed ? $"; and {errors.Length - MaxListed} more" : string.Empty;
        return errors.Length == 1
            ? $"The profile is not valid: {listed}."
            : $"The profile is not valid: {errors.Length} errors: {listed}{more}.";
    }

    /// <summary>A quoted piece of input, with the space before it: <c> 'acut'</c>.</summary>
    [GeneratedRegex(@" ?'(?:[^'\\]|\\.)*'")]
    private static partial Regex Quoted();

    /// <summary>The value a message reports after the rule: <c>, was 42</c>, up to the next clause.</summary>
    [GeneratedRegex(@", was [^;]*")]
    private static partial Regex Was();
}
