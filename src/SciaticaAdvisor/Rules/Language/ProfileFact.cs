using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>The profile as the rules see it: every field packed into one number (enums as ints, sets as bit masks), so every test is one comparison.</summary>
/// <remarks>A struct over the packed values: every profile advised (or looked up in the cache) makes one, and as a class it was one more object.</remarks>
internal readonly struct ProfileFact(SymptomProfile profile)
{
    private readonly ProfileValues _values = ProfileValues.Of(profile);

    public int? this[ProfileField field] => _values[field];
}
