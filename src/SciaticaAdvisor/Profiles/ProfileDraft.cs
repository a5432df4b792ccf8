
namespace SciaticaAdvisor.Profiles;

/// <summary>What the JSON walker could read of a profile, before the validator judges it: one packed value a field, null where it was absent or wrong.</summary>
internal sealed class ProfileDraft
{
    public ProfileValues Values { get; } = new();

    /// <summary>Properties the walker has already reported, so the validator does not report them twice.</summary>
    public readonly HashSet<string> Reported = new(StringComparer.Ordinal);

    public SymptomProfile ToProfile() => Values.ToProfile();
}
