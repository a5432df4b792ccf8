using System.Collections.Immutable;
using FluentValidation;

namespace SciaticaAdvisor.Profiles;

/// <summary>One field of a <see cref="SymptomProfile"/> as the advice contract describes it: its JSON name, kind, values and range.</summary>
/// <remarks>
/// Every reader and writer of profiles (JSON, CSV, FHIR, studies) derives its fields from
/// <see cref="ProfileFields.All"/>, so a field added there reaches all of them.
/// </remarks>
public sealed class ProfileField
{
    private readonly Func<SymptomProfile, object?> _read;

    internal ProfileField(ProfileFieldKind kind, string name, Type? enumType, FieldBehaviour behaviour)
    {
        Name = name;
        Kind = kind;
        EnumType = enumType;
        Minimum = behaviour.Minimum;
        Maximum = behaviour.Maximum;
        IsRequired = behaviour.IsRequired;
        DefaultValue = behaviour.DefaultValue;
        Codes = enumType is null ? [] : [.. Enum.GetNames(enumType).Select(n => char.ToLowerInvariant(n[0]) + n[1..])];
        Path = JsonPath.Property(name);
        _read = behaviour.Read;
        Behaviour = behaviour;
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

    /// <summary>The field's position in <see cref="ProfileFields.All"/>, its slot in <see cref="ProfileValues"/>.</summary>
    internal int Index { get; set; } = -1;

    /// <summary>The field's JSON path in error messages (<c>$.painIntensity</c>).</summary>
    internal string Path { get; }

    /// <summary>Whether a profile may leave the field "not given" (<see langword="null"/>) rather than at a default.</summary>
    internal bool IsNullable => Kind == ProfileFieldKind.Number && !IsRequired && DefaultValue is null;

    /// <summary>The typed work of the field: packing, comparing, validating.</summary>
    internal FieldBehaviour Behaviour { get; }

    /// <summary>The contract's names of a <see cref="ProfileFieldKind.Choice"/> or <see cref="ProfileFieldKind.Set"/> field's enum.</summary>
    internal EnumCodes EnumCodes => Behaviour.Codes ?? throw new InvalidOperationException($"{Name} is not an enum field");

    /// <summary>The field's value in a profile: the enum value, the number, the boolean, or the set as an <see cref="IReadOnlyCollection{T}"/>; <see langword="null"/> when not given.</summary>
    public object? GetValue(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _read(profile);
    }

    /// <summary>The field's value as one number: an enum's int, a set's bit mask, 0 or 1, or the number itself.</summary>
    internal int? Pack(SymptomProfile profile) => Behaviour.Pack(profile);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>What a field does with its typed value; made by the factories of <see cref="ProfileFields"/>, one per kind.</summary>
    internal sealed record FieldBehaviour
    {
        public required Func<SymptomProfile, object?> Read { get; init; }

        public required Func<SymptomProfile, int?> Pack { get; init; }

        public required Func<SymptomProfile, SymptomProfile, bool> Same { get; init; }

        /// <summary>The fast check of the common, valid case; a false sends the profile to the validator.</summary>
        public required Func<SymptomProfile, bool> IsPlainlyValid { get; init; }

        /// <summary>Adds the field's FluentValidation rules, the one source of its error messages.</summary>
        public required Action<AbstractValidator<SymptomProfile>, ProfileField> AddRules { get; init; }

        public EnumCodes? Codes { get; init; }

        public int? Minimum { get; init; }

        public int? Maximum { get; init; }

        public bool IsRequired { get; init; }

        public object? DefaultValue { get; init; }
    }
}
