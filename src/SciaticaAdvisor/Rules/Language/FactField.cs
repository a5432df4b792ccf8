using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>How a condition tests a field: the rule language's kinds, one per <see cref="ProfileFieldKind"/>.</summary>
internal enum FieldKind
{
    Enum,
    Integer,
    Boolean,
    Set,
}

/// <summary>The profile fields a condition may test, each with how to read it from the fact. A closed list, derived from <see cref="ProfileFields.All"/>: rules cannot reach anything else.</summary>
internal sealed record FactField(ProfileField Profile, FieldKind Kind)
{
    public static IReadOnlyList<FactField> All { get; } = [.. ProfileFields.All.Select(f => new FactField(f, KindOf(f.Kind)))];

    public string Name => Profile.Name;

    public Type? EnumType => Profile.EnumType;

    public int? Read(ProfileFact fact) => fact[Profile];

    public static FactField? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    private static FieldKind KindOf(ProfileFieldKind kind) => kind switch
    {
        ProfileFieldKind.Choice => FieldKind.Enum,
        ProfileFieldKind.Number => FieldKind.Integer,
        ProfileFieldKind.Boolean => FieldKind.Boolean,
        ProfileFieldKind.Set => FieldKind.Set,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a profile field kind the rule language does not know"),
    };
}
