using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Populations;

/// <summary>
/// A profile field's value as flat text, derived from <see cref="ProfileFields"/>: a choice by its
/// contract code, a number in invariant digits, a boolean as <c>true</c>/<c>false</c>, a set as its
/// codes in declaration order joined with <c>;</c>, and "not given" as <see langword="null"/>.
/// </summary>
/// <remarks>The one formatting behind <c>sample --format csv</c> and a study's profile columns.</remarks>
internal static class ProfileText
{
    /// <summary>The field's value in the profile as text, or <see langword="null"/> when not given.</summary>
    public static string? Format(ProfileField field, SymptomProfile profile) => Format(field, field.GetValue(profile));

    /// <summary>A value of the field (as <see cref="ProfileField.GetValue"/> returns it) as text.</summary>
    public static string? Format(ProfileField field, object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        int n => n.ToString(CultureInfo.InvariantCulture),
        Enum e when field.Kind == ProfileFieldKind.Choice => CodeOf(field, e),
        IEnumerable members => string.Join(";", Codes(field, members)),
        _ => throw new ArgumentException($"the field '{field.Name}' holds an unexpected {value.GetType().Name}", nameof(value)),
    };

    /// <summary>The field's code for an enum value: its position in the enum's declaration, as <see cref="ProfileField.Codes"/> lists them.</summary>
    public static string CodeOf(ProfileField field, Enum value) => field.Codes[IndexOf(field, value)];

    private static IEnumerable<string> Codes(ProfileField field, IEnumerable members)
    {
        // Sorted by declaration, so equal sets give equal text whatever order the set enumerates in.
        var indexes = new List<int>();
        foreach (var member in members)
        {
            indexes.Add(IndexOf(field, (Enum)member));
        }

        indexes.Sort();
        return indexes.Select(i => field.Codes[i]);
    }

    private static int IndexOf(ProfileField field, Enum value) => Declared(field.EnumType!).IndexOf(value);

    private static ImmutableArray<Enum> Declared(Type enumType) => DeclaredValues.TryGetValue(enumType, out var values)
        ? values
        : throw new ArgumentException($"'{enumType.Name}' is not the enum of a profile field", nameof(enumType));

    private static readonly IReadOnlyDictionary<Type, ImmutableArray<Enum>> DeclaredValues = ProfileFields.All
        .Where(f => f.EnumType is not null)
        .Select(f => f.EnumType!)
        .Distinct()
        .ToDictionary(t => t, t => Enum.GetValues(t).Cast<Enum>().ToImmutableArray());
}
