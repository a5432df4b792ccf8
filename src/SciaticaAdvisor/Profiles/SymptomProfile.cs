using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Profiles;

/// <summary>What a person reports about their sciatica: the input to an advice.</summary>
/// <remarks>
/// Build one in C# with an object initializer, or read one from JSON with
/// <see cref="ProfileReader"/>. The advisor validates it before advising.
/// </remarks>
public sealed record SymptomProfile
{
    // The four sets, as masks when read (ProfileSet: their ImmutableHashSet only when asked for).
    private readonly ProfileSet<Symptom> _symptoms;
    private readonly ProfileSet<RedFlag> _redFlags;
    private readonly ProfileSet<HealthCondition> _conditions;
    private readonly ProfileSet<MassageStyle> _avoidStyles;

    /// <summary>The underlying cause of the sciatica, as far as it is known.</summary>
    public required SciaticaCause Cause { get; init; }

    /// <summary>Whether the person is in a flare-up.</summary>
    public required FlareState Flare { get; init; }

    /// <summary>How well the person tolerates pressure on the painful area.</summary>
    public required PainSensitivity PainSensitivity { get; init; }

    /// <summary>Pain on the numeric rating scale: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.</summary>
    public required int PainIntensity { get; init; }

    /// <summary>How many weeks the symptoms have lasted, or <see langword="null"/> when not given.</summary>
    public int? SymptomWeeks { get; init; }

    /// <summary>The symptoms the person has.</summary>
    public ImmutableHashSet<Symptom> Symptoms { get => _symptoms.Set; init => _symptoms = ProfileSet<Symptom>.Given(value); }

    /// <summary>Warning signs that need a doctor first.</summary>
    public ImmutableHashSet<RedFlag> RedFlags { get => _redFlags.Set; init => _redFlags = ProfileSet<RedFlag>.Given(value); }

    /// <summary>Other conditions that limit what is safe.</summary>
    public ImmutableHashSet<HealthCondition> Conditions { get => _conditions.Set; init => _conditions = ProfileSet<HealthCondition>.Given(value); }

    /// <summary>Whether a clinician has diagnosed the sciatica.</summary>
    public bool DiagnosisConfirmed { get; init; }

    /// <summary>Whether a doctor or physical therapist has approved massage.</summary>
    public bool ClinicianApproved { get; init; }

    /// <summary>How many weeks the current massage plan has been running.</summary>
    public int WeeksInTreatment { get; init; }

    /// <summary>Styles the person does not want; they are never recommended.</summary>
    public ImmutableHashSet<MassageStyle> AvoidStyles { get => _avoidStyles.Set; init => _avoidStyles = ProfileSet<MassageStyle>.Given(value); }

    /// <summary>A profile from packed values; the one place that lists every field's property, so a test round-trips each field through it.</summary>
    [SetsRequiredMembers]
    internal SymptomProfile(ProfileValues values)
    {
        Cause = values.Choice<SciaticaCause>(ProfileFields.Cause);
        Flare = values.Choice<FlareState>(ProfileFields.Flare);
        PainSensitivity = values.Choice<PainSensitivity>(ProfileFields.PainSensitivity);
        PainIntensity = values.Number(ProfileFields.PainIntensity).GetValueOrDefault();
        SymptomWeeks = values.Number(ProfileFields.SymptomWeeks);
        _symptoms = ProfileSet<Symptom>.OfMask(values.Number(ProfileFields.Symptoms).GetValueOrDefault());
        _redFlags = ProfileSet<RedFlag>.OfMask(values.Number(ProfileFields.RedFlags).GetValueOrDefault());
        _conditions = ProfileSet<HealthCondition>.OfMask(values.Number(ProfileFields.Conditions).GetValueOrDefault());
        DiagnosisConfirmed = values.Flag(ProfileFields.DiagnosisConfirmed);
        ClinicianApproved = values.Flag(ProfileFields.ClinicianApproved);
        WeeksInTreatment = values.Number(ProfileFields.WeeksInTreatment).GetValueOrDefault();
        _avoidStyles = ProfileSet<MassageStyle>.OfMask(values.Number(ProfileFields.AvoidStyles).GetValueOrDefault());
    }

    /// <summary>The symptoms as <see cref="ProfileFields"/> read them: a mask when the profile was read.</summary>
    internal ProfileSet<Symptom> SymptomSet => _symptoms;

    /// <summary>The red flags as <see cref="ProfileFields"/> read them.</summary>
    internal ProfileSet<RedFlag> RedFlagSet => _redFlags;

    /// <summary>The conditions as <see cref="ProfileFields"/> read them.</summary>
    internal ProfileSet<HealthCondition> ConditionSet => _conditions;

    /// <summary>The avoided styles as <see cref="ProfileFields"/> and the advice's invariants read them.</summary>
    internal ProfileSet<MassageStyle> AvoidStyleSet => _avoidStyles;

    /// <summary>Creates an empty profile; set its required properties with an object initializer.</summary>
    public SymptomProfile()
    {
    }

    /// <inheritdoc />
    public bool Equals(SymptomProfile? other)
    {
        if (other is null)
        {
            return false;
        }

        foreach (var field in ProfileFields.All)
        {
            if (!field.Behaviour.Same(this, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var field in ProfileFields.All)
        {
            hash.Add(field.Pack(this));
        }

        return hash.ToHashCode();
    }
}
