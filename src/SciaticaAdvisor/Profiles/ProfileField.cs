using System.Collections.Immutable;

namespace SciaticaAdvisor.Profiles;

/// <summary>One field of a <see cref="SymptomProfile"/> as the advice contract describes it: its JSON name, kind, values and range.</summary>
/// <remarks>
/// Every reader and writer of profiles (JSON, CSV, FHIR, studies) derives its fields from
/// <see cref="ProfileFields.All"/>, so a field added there reaches all of them.
/// </remarks>
public sealed class ProfileField
{
    private readonly Func<SymptomProfile, object?> _read;

    internal ProfileField(
        string name,
        ProfileFieldKind kind,
        Type? enumType,
        int? minimum,
        int? maximum,
        bool isRequired,
        object? defaultValue,
        Func<SymptomProfile, object?> read)
    {
        Name = name;
        Kind = kind;
        EnumType = enumType;
        Minimum = minimum;
        Maximum = maximum;
        IsRequired = isRequired;
        DefaultValue = defaultValue;
        Codes = enumType is null ? [] : [.. Enum.GetNames(enumType).Select(n => char.ToLowerInvariant(n[0]) + n[1..])];
        _read = read;
    }

    /// <summary>The field's name in the contract's JSON (<c>painIntensity</c>).</summary>
    public string Name { get; }

    /// <summary>What kind of value the field holds.</summary>
    public ProfileFieldKind Kind { get; }

    /// <summary>The enum of a <see cref="ProfileFieldKind.Choice"/> or <see cref="ProfileFieldKind.Set"/> field; otherwise <see langword="null"/>.</summary>
    public Type? EnumType { get; }

    /// <summary>The contract's names of the enum's values, in declaration order; empty for other kinds.</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>The lowest value of an <see cref="ProfileFieldKind.Number"/> field.</summary>
    public int? Minimum { get; }

    /// <summary>The highest value of an <see cref="ProfileFieldKind.Number"/> field.</summary>
    public int? Maximum { get; }

    /// <summary>Whether a profile must give the field.</summary>
    public bool IsRequired { get; }

    /// <summary>The value a profile has when it does not give the field (<see langword="false"/>, <c>0</c>), or <see langword="null"/> for "not given".</summary>
    public object? DefaultValue { get; }

    /// <summary>The field's value in a profile: the enum value, the number, the boolean, or the set as an <see cref="IReadOnlyCollection{T}"/>; <see langword="null"/> when not given.</summary>
    public object? GetValue(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _read(profile);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
