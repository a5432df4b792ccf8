using System.Collections.Frozen;
using System.Collections.Immutable;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>The codes of every choice and set field, derived from <see cref="ProfileFields.All"/>.</summary>
internal static class IntakeCodes
{
    private static readonly FrozenDictionary<string, ImmutableArray<IntakeCode>> ByField =
        ProfileFields.All.Where(f => f.EnumType is not null).ToFrozenDictionary(f => f.Name, Build, StringComparer.Ordinal);

    /// <summary>The codes a field accepts, in the enum's order.</summary>
    public static ImmutableArray<IntakeCode> Of(ProfileField field) => ByField.TryGetValue(field.Name, out var codes) ? codes : [];

    /// <summary>Every code of the CodeSystem, once each, in field order.</summary>
    public static IEnumerable<IntakeCode> All() =>
        ProfileFields.All.Where(f => f.EnumType is not null).DistinctBy(f => f.EnumType).SelectMany(f => Of(f));

    private static ImmutableArray<IntakeCode> Build(ProfileField field)
    {
        var values = Enum.GetValues(field.EnumType!).Cast<Enum>().ToArray();
        return [.. field.Codes.Select((code, i) => new IntakeCode(code, values[i]))];
    }
}
