using System.Collections.Immutable;

namespace SciaticaAdvisor.Profiles;

/// <summary>Thrown when a profile is not valid; carries every error found.</summary>
/// <remarks>
/// The exception's message names only the paths, never the values: a profile is health data and
/// exception messages end up in logs. The values are in <see cref="Errors"/>, for the caller.
/// </remarks>
public sealed class ProfileValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">Every error found; at least one.</param>
    public ProfileValidationException(ImmutableArray<ProfileError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Every error found, in the order of the profile's properties.</summary>
    public ImmutableArray<ProfileError> Errors { get; }

    private static string Describe(ImmutableArray<ProfileError> errors) =>
        errors.Length == 1
            ? $"The profile is not valid at {errors[0].Path}."
            : $"The profile is not valid: {errors.Length} errors, at {string.Join(", ", errors.Select(e => e.Path).Distinct())}.";
}
