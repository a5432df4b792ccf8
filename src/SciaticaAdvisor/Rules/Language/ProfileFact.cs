using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>The profile as the rules see it: every field packed into one number (enums as ints, sets as bit masks), so every test is one comparison.</summary>
internal sealed class ProfileFact(SymptomProfile profile)
{
    private readonly ProfileValues _values = ProfileValues.Of(profile);

    public int? this[ProfileField field] => _values[field];
}
