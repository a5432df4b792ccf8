using FluentValidation;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>The rules every profile must meet, whether it was read from JSON or built in C#.</summary>
internal sealed class SymptomProfileValidator : AbstractValidator<SymptomProfile>
{
    public static SymptomProfileValidator Instance { get; } = new();

    private SymptomProfileValidator()
    {
        RuleFor(p => p.Cause).IsInEnum().OverridePropertyName("$.cause")
            .WithMessage(p => $"unknown value; expected one of {EnumNames<SciaticaCause>.Expected}");
        RuleFor(p => p.Flare).IsInEnum().OverridePropertyName("$.flare")
            .WithMessage(p => $"unknown value; expected one of {EnumNames<FlareState>.Expected}");
        RuleFor(p => p.PainSensitivity).IsInEnum().OverridePropertyName("$.painSensitivity")
            .WithMessage(p => $"unknown value; expected one of {EnumNames<PainSensitivity>.Expected}");
        RuleFor(p => p.PainIntensity)
            .InclusiveBetween(ProfileLimits.MinPainIntensity, ProfileLimits.MaxPainIntensity)
            .OverridePropertyName("$.painIntensity")
            .WithMessage((_, value) => ProfileMessages.Between(ProfileLimits.MinPainIntensity, ProfileLimits.MaxPainIntensity, value));
        RuleFor(p => p.SymptomWeeks)
            .InclusiveBetween(ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks)
            .OverridePropertyName("$.symptomWeeks")
            .WithMessage((_, value) => ProfileMessages.Between(ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks, value!));
        RuleFor(p => p.WeeksInTreatment)
            .InclusiveBetween(ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks)
            .OverridePropertyName("$.weeksInTreatment")
            .WithMessage((_, value) => ProfileMessages.Between(ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks, value));
        SetOf(p => p.Symptoms, "symptoms");
        SetOf(p => p.RedFlags, "redFlags");
        SetOf(p => p.Conditions, "conditions");
        SetOf(p => p.AvoidStyles, "avoidStyles");
    }

    /// <summary>
    /// A quick pass over the same rules for the common, valid case: advice runs once per profile and
    /// the full validator costs more than the rules. Anything it does not plainly accept goes to the
    /// validator, which gives the errors.
    /// </summary>
    public static bool IsPlainlyValid(SymptomProfile p) =>
        Enum.IsDefined(p.Cause) && Enum.IsDefined(p.Flare) && Enum.IsDefined(p.PainSensitivity)
        && p.PainIntensity is >= ProfileLimits.MinPainIntensity and <= ProfileLimits.MaxPainIntensity
        && p.SymptomWeeks is null or (>= ProfileLimits.MinWeeks and <= ProfileLimits.MaxWeeks)
        && p.WeeksInTreatment is >= ProfileLimits.MinWeeks and <= ProfileLimits.MaxWeeks
        && AllDefined(p.Symptoms) && AllDefined(p.RedFlags) && AllDefined(p.Conditions) && AllDefined(p.AvoidStyles);

    private static bool AllDefined<TEnum>(System.Collections.Immutable.ImmutableHashSet<TEnum>? set)
        where TEnum : struct, Enum
    {
        if (set is null)
        {
            return false;
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

    private void SetOf<TEnum>(System.Linq.Expressions.Expression<Func<SymptomProfile, IEnumerable<TEnum>>> set, string name)
        where TEnum : struct, Enum
    {
        RuleFor(set).NotNull().OverridePropertyName("$." + name)
            .WithMessage($"must be a set of distinct values from {EnumNames<TEnum>.Expected}, was null");
        RuleForEach(set).IsInEnum().OverridePropertyName("$." + name)
            .WithMessage($"unknown value; expected one of {EnumNames<TEnum>.Expected}");
    }
}
