using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Profiles;

/// <summary>What a person reports about their sciatica: the input to an advice.</summary>
/// <remarks>
/// Build one in C# with an object initializer, or read one from JSON with
/// <see cref="ProfileReader"/>. The advisor validates it before advising.
/// </remarks>
public sealed record SymptomProfile
{
    /// <summary>The underlying cause of the sciatica, as far as it is known.</summary>
    public required SciaticaCause Cause { get; init; }

    /// <summary>Whether the person is in a flare-up.</summary>
    public required FlareState Flare { get; init; }

    /// <summary>How well the person tolerates pressure on the painful area.</summary>
    public required PainSensitivity PainSensitivity { get; init; }

    /// <summary>Pain on the numeric rating scale: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.</summary>
    [Range(ProfileLimits.MinPainIntensity, ProfileLimits.MaxPainIntensity)]
    public required int PainIntensity { get; init; }

    /// <summary>How many weeks the symptoms have lasted, or <see langword="null"/> when not given.</summary>
    [Range(ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks)]
    public int? SymptomWeeks { get; init; }

    /// <summary>The symptoms the person has.</summary>
    public ImmutableHashSet<Symptom> Symptoms { get; init; } = [];

    /// <summary>Warning signs that need a doctor first.</summary>
    public ImmutableHashSet<RedFlag> RedFlags { get; init; } = [];

    /// <summary>Other conditions that limit what is safe.</summary>
    public ImmutableHashSet<HealthCondition> Conditions { get; init; } = [];

    /// <summary>Whether a clinician has diagnosed the sciatica.</summary>
    public bool DiagnosisConfirmed { get; init; }

    /// <summary>Whether a doctor or physical therapist has approved massage.</summary>
    public bool ClinicianApproved { get; init; }

    /// <summary>How many weeks the current massage plan has been running.</summary>
    [Range(ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks)]
    public int WeeksInTreatment { get; init; }

    /// <summary>Styles the person does not want; they are never recommended.</summary>
    public ImmutableHashSet<MassageStyle> AvoidStyles { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(SymptomProfile? other) =>
        other is not null
        && Cause == other.Cause
        && Flare == other.Flare
        && PainSensitivity == other.PainSensitivity
        && PainIntensity == other.PainIntensity
        && SymptomWeeks == other.SymptomWeeks
        && DiagnosisConfirmed == other.DiagnosisConfirmed
        && ClinicianApproved == other.ClinicianApproved
        && WeeksInTreatment == other.WeeksInTreatment
        && Symptoms.SetEquals(other.Symptoms)
        && RedFlags.SetEquals(other.RedFlags)
        && Conditions.SetEquals(other.Conditions)
        && AvoidStyles.SetEquals(other.AvoidStyles);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Cause);
        hash.Add(Flare);
        hash.Add(PainSensitivity);
        hash.Add(PainIntensity);
        hash.Add(SymptomWeeks);
        hash.Add(DiagnosisConfirmed);
        hash.Add(ClinicianApproved);
        hash.Add(WeeksInTreatment);
        hash.Add(EnumSet.Mask(Symptoms));
        hash.Add(EnumSet.Mask(RedFlags));
        hash.Add(EnumSet.Mask(Conditions));
        hash.Add(EnumSet.Mask(AvoidStyles));
        return hash.ToHashCode();
    }
}
