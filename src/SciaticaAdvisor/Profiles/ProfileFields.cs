using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FluentValidation;
using SciaticaAdvisor.Advice;
using Behaviour = SciaticaAdvisor.Profiles.ProfileField.FieldBehaviour;

namespace SciaticaAdvisor.Profiles;

/// <summary>The fields of a <see cref="SymptomProfile"/>, in the contract's order.</summary>
/// <remarks>
/// The one table of the profile's fields: the JSON reader, the validator, the rules' fact, the
/// input classes, equality and the schema all derive from it. A new field is its record property,
/// its line here (and in <see cref="All"/>), and its slot in <see cref="SymptomProfile"/>'s
/// constructor from <see cref="ProfileValues"/> (a test fails for a field that does not round-trip).
/// </remarks>
public static class ProfileFields
{
    // One line a field. The named fields serve the profile's constructor from ProfileValues.
    internal static readonly ProfileField Cause = Choice("cause", p => p.Cause);
    internal static readonly ProfileField Flare = Choice("flare", p => p.Flare);
    internal static readonly ProfileField PainSensitivity = Choice("painSensitivity", p => p.PainSensitivity);
    internal static readonly ProfileField PainIntensity = Number("painIntensity", p => p.PainIntensity, ProfileLimits.MinPainIntensity, ProfileLimits.MaxPainIntensity, isRequired: true, defaultValue: null);
    internal static readonly ProfileField SymptomWeeks = Number("symptomWeeks", p => p.SymptomWeeks, ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks, isRequired: false, defaultValue: null);
    internal static readonly ProfileField Symptoms = Set("symptoms", p => p.Symptoms, p => p.SymptomSet);
    internal static readonly ProfileField RedFlags = Set("redFlags", p => p.RedFlags, p => p.RedFlagSet);
    internal static readonly ProfileField Conditions = Set("conditions", p => p.Conditions, p => p.ConditionSet);
    internal static readonly ProfileField DiagnosisConfirmed = Flag("diagnosisConfirmed", p => p.DiagnosisConfirmed);
    internal static readonly ProfileField ClinicianApproved = Flag("clinicianApproved", p => p.ClinicianApproved);
    internal static readonly ProfileField WeeksInTreatment = Number("weeksInTreatment", p => p.WeeksInTreatment, ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks, isRequired: false, defaultValue: 0);
    internal static readonly ProfileField AvoidStyles = Set("avoidStyles", p => p.AvoidStyles, p => p.AvoidStyleSet);

    /// <summary>Every field, in the order of the contract's table.</summary>
    public static ImmutableArray<ProfileField> All { get; } = Indexed(
    [
        Cause, Flare, PainSensitivity, PainIntensity, SymptomWeeks, Symptoms, RedFlags, Conditions,
        DiagnosisConfirmed, ClinicianApproved, WeeksInTreatment, AvoidStyles,
    ]);

    /// <summary>The field with this contract name, or <see langword="null"/> when there is none.</summary>
    public static ProfileField? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The field with this contract name; for the engine's own names, which must exist.</summary>
    internal static ProfileField Named(string name) =>
        Find(name) ?? throw new InvalidOperationException($"'{name}' is not a profile field; expected one of {string.Join(", ", All)}");

    private static ImmutableArray<ProfileField> Indexed(ImmutableArray<ProfileField> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i].Index = i;
        }

        return fields;
    }

    /// <summary>A required choice of one enum value (every enum field of the contract is required).</summary>
    private static ProfileField Choice<TEnum>(string name, Func<SymptomProfile, TEnum> get)
        where TEnum : struct, Enum => new(ProfileFieldKind.Choice, name, typeof(TEnum), new Behaviour
        {
            Read = p => get(p),
            Pack = p => Unsafe.BitCast<TEnum, int>(get(p)),
            Same = (a, b) => EqualityComparer<TEnum>.Default.Equals(get(a), get(b)),
            IsPlainlyValid = p => Enum.IsDefined(get(p)),
            AddRules = (validator, field) => validator.RuleFor(p => get(p)).IsInEnum().OverridePropertyName(field.Path)
                .WithMessage($"unknown value; expected one of {EnumNames<TEnum>.Expected}"),
            Codes = EnumCodes.Of<TEnum>(),
            IsRequired = true,
        });

    private static ProfileField Number(string name, Func<SymptomProfile, int?> get, int minimum, int maximum, bool isRequired, int? defaultValue) =>
        new(ProfileFieldKind.Number, name, null, new Behaviour
        {
            Read = p => get(p),
            Pack = get,
            Same = (a, b) => get(a) == get(b),
            IsPlainlyValid = p => get(p) is not { } value || (value >= minimum && value <= maximum),
            AddRules = (validator, field) => validator.RuleFor(p => get(p)).InclusiveBetween(minimum, maximum).OverridePropertyName(field.Path)
                .WithMessage((_, value) => ProfileMessages.Between(minimum, maximum, value!)),
            Minimum = minimum,
            Maximum = maximum,
            IsRequired = isRequired,
            DefaultValue = defaultValue,
        });

    private static ProfileField Flag(string name, Func<SymptomProfile, bool> get) =>
        new(ProfileFieldKind.Boolean, name, null, new Behaviour
        {
            Read = p => get(p),
            Pack = p => get(p) ? 1 : 0,
            Same = (a, b) => get(a) == get(b),
            IsPlainlyValid = _ => true,
            AddRules = (_, _) => { },
            DefaultValue = false,
        });

    /// <summary>A set of values of one enum; <paramref name="held"/> gives its mask where the profile has one, so packing, comparing and the quick check never build the set.</summary>
    private static ProfileField Set<TEnum>(string name, Func<SymptomProfile, ImmutableHashSet<TEnum>> get, Func<SymptomProfile, ProfileSet<TEnum>> held)
        where TEnum : struct, Enum => new(ProfileFieldKind.Set, name, typeof(TEnum), new Behaviour
        {
            Read = p => get(p),
            // A profile read from JSON or CSV holds its sets as masks (ProfileSet); a set given in C#
            // is packed by identity when it is a shared one, else walked (SharedSetMasks).
            Pack = p => held(p).Mask ?? SharedSetMasks.Mask(get(p)),
            // One set instance per mask (of named bits only), so equal masks are equal sets.
            Same = (a, b) => held(a).Mask is { } left && held(b).Mask is { } right ? left == right : get(a).SetEquals(get(b)),
            // A mask holds named values only (ProfileSet.OfMask drops the others).
            IsPlainlyValid = p => held(p).Mask is not null || AllDefined(get(p)),
            AddRules = (validator, field) =>
            {
                validator.RuleFor(p => get(p)).NotNull().OverridePropertyName(field.Path)
                    .WithMessage($"must be a set of distinct values from {EnumNames<TEnum>.Expected}, was null");
                validator.RuleForEach(p => get(p)).IsInEnum().OverridePropertyName(field.Path)
                    .WithMessage($"unknown value; expected one of {EnumNames<TEnum>.Expected}");
            },
            Codes = EnumCodes.Of<TEnum>(),
        });

    private static bool AllDefined<TEnum>(ImmutableHashSet<TEnum>? set)
        where TEnum : struct, Enum
    {
        if (set is null)
        {
            return false;
        }

        // A profile read from JSON or CSV holds the shared sets, whose values are named: no walk.
        if (SharedSetMasks.IsShared(set))
        {
            return true;
        }

        foreach (var value in set)
        {
            if (!Enum.IsDefined(value))
            {
                return false;
            }
        }

        return true;
    }
}
