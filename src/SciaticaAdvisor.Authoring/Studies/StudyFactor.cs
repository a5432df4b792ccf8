using System.Collections.Immutable;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// A field the reports break the outcomes down by: a grid's factors with their listed values, or for
/// a sample or a file every choice and yes-or-no field with all of its values.
/// </summary>
internal sealed class StudyFactor
{
    private readonly Dictionary<string, int> _levels;

    private StudyFactor(ProfileField field, ImmutableArray<string> levels)
    {
        Field = field;
        Levels = levels;
        _levels = levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
    }

    public ProfileField Field { get; }

    public ImmutableArray<string> Levels { get; }

    public static ImmutableArray<StudyFactor> Of(StudyPopulation population) => population is GridPopulation grid
        ? [.. grid.Factors.Select(f => new StudyFactor(f.Field, [.. f.Values.Select(v => v.Label)]))]
        : [.. ProfileFields.All
            .Where(f => f.Kind is ProfileFieldKind.Choice or ProfileFieldKind.Boolean)
            .Select(f => new StudyFactor(f, f.Kind == ProfileFieldKind.Boolean ? ["false", "true"] : f.Codes))];

    /// <summary>The profile's level of this factor.</summary>
    public int LevelOf(SymptomProfile profile)
    {
        var text = ProfileText.Format(Field, profile);
        return text switch
        {
            null => _levels.GetValueOrDefault("(not given)", 0),
            "" => _levels.GetValueOrDefault("(none)", 0),
            _ => _levels.GetValueOrDefault(text, 0),
        };
    }
}
