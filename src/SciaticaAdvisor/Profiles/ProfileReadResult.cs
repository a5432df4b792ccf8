using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SciaticaAdvisor.Profiles;

/// <summary>The outcome of reading a profile: the profile, or every error found.</summary>
public sealed record ProfileReadResult
{
    private ProfileReadResult(SymptomProfile? profile, ImmutableArray<ProfileError> errors)
    {
        Profile = profile;
        Errors = errors;
    }

    /// <summary>The profile, when the document is valid.</summary>
    public SymptomProfile? Profile { get; }

    /// <summary>Every error found, in the order of the profile's properties; empty when valid.</summary>
    public ImmutableArray<ProfileError> Errors { get; }

    /// <summary>Whether the document is a valid profile.</summary>
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool IsValid => Profile is not null;

    /// <summary>Returns the profile.</summary>
    /// <returns>The profile.</returns>
    /// <exception cref="ProfileValidationException">The document is not a valid profile.</exception>
    public SymptomProfile GetProfileOrThrow() => Profile ?? throw new ProfileValidationException(Errors);

    /// <summary>A result for a document that is not a valid profile, for readers of other formats (FHIR) that report their own errors.</summary>
    /// <param name="errors">Every error found; at least one.</param>
    /// <returns>An invalid result holding the errors in the order given.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static ProfileReadResult FromErrors(IEnumerable<ProfileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ImmutableArray<ProfileError> list = [.. errors];
        return list.IsEmpty ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : Failure(list);
    }

    internal static ProfileReadResult Success(SymptomProfile profile) => new(profile, []);

    internal static ProfileReadResult Failure(ImmutableArray<ProfileError> errors) => new(null, errors);
}
