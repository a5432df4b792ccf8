
namespace SciaticaAdvisor.Profiles;

/// <summary>What the JSON walker could read of a profile, before the validator judges it: one packed value a field, null where it was absent or wrong.</summary>
internal sealed class ProfileDraft
{
    /// <summary>Made at the first error: most profiles have none, and a batch reads millions.</summary>
    private HashSet<string>? _reported;

    public ProfileValues Values { get; } = new();

    public SymptomProfile ToProfile() => Values.ToProfile();

    /// <summary>Notes a property the walker has reported, so the validator does not report it twice.</summary>
    public void Report(string path) => (_reported ??= new(StringComparer.Ordinal)).Add(path);

    /// <summary>Whether the walker has reported the property.</summary>
    public bool WasReported(string path) => _reported?.Contains(path) == true;
}
