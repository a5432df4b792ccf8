using System.Collections.Immutable;
using System.Text.Json.Nodes;
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

    private readonly ImmutableArray<GridValue> _values;

    private StudyFactor(ProfileField field, ImmutableArray<string> levels, ImmutableArray<GridValue> values = default)
    {
        Field = field;
        Levels = levels;
        _values = values;
        _levels = levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
    }

    public ProfileField Field { get; }

    public ImmutableArray<string> Levels { get; }

    public static ImmutableArray<StudyFactor> Of(StudyPopulation population) => population is GridPopulation grid
        ? [.. grid.Factors.Select(f => new StudyFactor(f.Field, [.. f.Values.Select(v => v.Label)], f.Values))]
        : [.. ProfileFields.All
            .Where(f => f.Kind is ProfileFieldKind.Choice or ProfileFieldKind.Boolean)
            .Select(f => new StudyFactor(f, f.Kind == ProfileFieldKind.Boolean ? ["false", "true"] : f.Codes))];

    /// <summary>The level as the contract's JSON writes the field's value, <see langword="null"/> for "not given".</summary>
    /// <remarks>A grid's levels are labels (<c>7</c>, <c>tingling;numbness</c>, <c>(not given)</c>); their JSON is the grid value's own.</remarks>
    public JsonNode? Json(int level) => _values.IsDefault
        ? Field.Kind == ProfileFieldKind.Boolean ? JsonValue.Create(Levels[level] == "true") : JsonValue.Create(Levels[level])
        : _values[level].Json switch
        {
            null => null,
            string code => JsonValue.Create(code),
            int number => JsonValue.Create(number),
            bool flag => JsonValue.Create(flag),
            ImmutableArray<string> codes => new JsonArray([.. codes.Select(c => (JsonNode?)JsonValue.Create(c))]),
            _ => throw new InvalidOperationException($"a grid value of '{Field.Name}' has no JSON form"),
        };

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
