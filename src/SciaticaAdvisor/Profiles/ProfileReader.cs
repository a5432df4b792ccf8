using System.Collections.Immutable;
using System.Text;

namespace SciaticaAdvisor.Profiles;

/// <summary>Reads and validates symptom profiles from JSON, reporting every error with its JSON path.</summary>
/// <remarks>Thread-safe: it holds no state.</remarks>
public static class ProfileReader
{
    /// <summary>Reads a profile from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON document.</param>
    /// <returns>The profile, or every error found.</returns>
    public static ProfileReadResult TryRead(ReadOnlySpan<byte> utf8Json)
    {
        var draft = new ProfileDraft();
        var errors = new List<ProfileError>();
        if (!ProfileJsonWalker.Walk(utf8Json, draft, errors))
        {
            return ProfileReadResult.Failure([.. errors]);
        }

        var profile = draft.ToProfile();
        foreach (var error in Validate(profile))
        {
            if (!draft.WasReported(error.Path))
            {
                errors.Add(error);
            }
        }

        return errors.Count == 0
            ? ProfileReadResult.Success(profile)
            : ProfileReadResult.Failure([.. errors.OrderBy(e => ProfileProperties.OrderOf(e.Path))]);
    }

    /// <summary>Reads a profile from JSON text.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The profile, or every error found.</returns>
    public static ProfileReadResult TryRead(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryRead(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a profile from JSON text.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ProfileValidationException">The document is not a valid profile.</exception>
    public static SymptomProfile Read(string json) => TryRead(json).GetProfileOrThrow();

    /// <summary>Reads a profile from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON document.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ProfileValidationException">The document is not a valid profile.</exception>
    public static SymptomProfile Read(ReadOnlySpan<byte> utf8Json) => TryRead(utf8Json).GetProfileOrThrow();

    /// <summary>Checks a profile built in C# against the contract's ranges.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>Every error found; empty when the profile is valid.</returns>
    public static ImmutableArray<ProfileError> Validate(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (SymptomProfileValidator.IsPlainlyValid(profile))
        {
            return [];
        }

        var result = SymptomProfileValidator.Instance.Validate(profile);
        return result.IsValid ? [] : [.. result.Errors.Select(e => new ProfileError(e.PropertyName, e.ErrorMessage))];
    }
}
