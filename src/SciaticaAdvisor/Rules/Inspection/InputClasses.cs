using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Classes;

namespace SciaticaAdvisor.Rules.Inspection;

/// <summary>The input classes of a rule set's conditions: two profiles of one class fire the same rules, so checking one representative of each checks them all.</summary>
public sealed class InputClasses
{
    private readonly ProfileSpace _space;

    internal InputClasses(ProfileSpace space) => _space = space;

    /// <summary>How many representatives <see cref="Enumerate"/> yields.</summary>
    public long Count => _space.Count;

    /// <summary>The number of scalar classes: every enum value, both booleans, integers split at every threshold.</summary>
    public long ScalarClasses => _space.ScalarCount;

    /// <summary>The number of set-field combinations crossed with the scalar classes.</summary>
    public long SetCombinations => _space.SetCombinationCount;

    /// <summary>The most set values present at once in a combination (beside each set field with all its values).</summary>
    public int Strength => _space.Strength;

    /// <summary>One representative profile of each class; each enumeration builds new profiles.</summary>
    /// <returns>The representatives.</returns>
    public IEnumerable<SymptomProfile> Enumerate() => _space.Enumerate();
}
