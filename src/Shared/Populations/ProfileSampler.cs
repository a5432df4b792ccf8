using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Populations;

/// <summary>
/// Draws random symptom profiles shaped like a clinic's intake: most without red flags, few other
/// conditions, pain that follows the flare. Valid by construction: every value is drawn inside the
/// contract's ranges, so no draw is ever rejected and a seed always gives the same profiles.
/// </summary>
/// <remarks>The weights are plausible, not epidemiological: they make test populations that exercise every rule, not statistics.</remarks>
internal sealed class ProfileSampler(Random random)
{
    private static readonly (SciaticaCause Value, int Weight)[] Causes =
    [
        (SciaticaCause.HerniatedDisc, 40), (SciaticaCause.SpinalStenosis, 18), (SciaticaCause.PiriformisSyndrome, 20),
        (SciaticaCause.Spondylolisthesis, 8), (SciaticaCause.Unknown, 14),
    ];

    private static readonly (FlareState Value, int Weight)[] Flares = [(FlareState.None, 55), (FlareState.Subsiding, 25), (FlareState.Acute, 20)];

    private static readonly (PainSensitivity Value, int Weight)[] Sensitivities =
        [(PainSensitivity.Low, 30), (PainSensitivity.Moderate, 45), (PainSensitivity.High, 25)];

    private static readonly (Symptom Value, double Chance)[] Symptoms =
    [
        (Symptom.LowerBackPain, 0.55), (Symptom.ButtockPain, 0.4), (Symptom.RadiatingLegPain, 0.6), (Symptom.Tingling, 0.25),
        (Symptom.Numbness, 0.15), (Symptom.LegWeakness, 0.08), (Symptom.WorseWhenSitting, 0.3),
    ];

    private static readonly (HealthCondition Value, double Chance)[] Conditions =
    [
        (HealthCondition.SuspectedDvt, 0.01), (HealthCondition.Anticoagulants, 0.04), (HealthCondition.Osteoporosis, 0.04),
        (HealthCondition.Pregnancy, 0.02), (HealthCondition.RecentSpinalSurgery, 0.02), (HealthCondition.SkinLesionInArea, 0.02),
    ];

    public SymptomProfile Next()
    {
        var flare = Pick(Flares);
        var diagnosed = Chance(0.7);
        int? weeks = Chance(0.85) ? Weeks() : null;
        return new SymptomProfile
        {
            Cause = Pick(Causes),
            Flare = flare,
            PainSensitivity = Pick(Sensitivities),
            PainIntensity = flare switch
            {
                FlareState.Acute => random.Next(6, 11),
                FlareState.Subsiding => random.Next(3, 8),
                _ => random.Next(0, 7),
            },
            SymptomWeeks = weeks,
            Symptoms = Sparse(Symptoms),
            RedFlags = RedFlags(),
            Conditions = Sparse(Conditions),
            DiagnosisConfirmed = diagnosed,
            ClinicianApproved = Chance(diagnosed ? 0.8 : 0.2),
            WeeksInTreatment = Chance(0.4) ? random.Next(1, Math.Min(weeks ?? 30, 30) + 1) : 0,
            AvoidStyles = Chance(0.1) ? [(MassageStyle)random.Next(0, 5)] : [],
        };
    }

    /// <summary>Mostly weeks to months, sometimes years, never past the contract's 520.</summary>
    private int Weeks() => Chance(0.8) ? random.Next(0, 27) : random.Next(27, ProfileLimits.MaxWeeks + 1);

    /// <summary>About one profile in fifteen has a red flag, rarely two.</summary>
    private ImmutableHashSet<RedFlag> RedFlags()
    {
        if (!Chance(0.07))
        {
            return [];
        }

        var all = Enum.GetValues<RedFlag>();
        var first = all[random.Next(all.Length)];
        var second = all[random.Next(all.Length)];
        return Chance(0.15) ? [first, second] : [first];
    }

    private ImmutableHashSet<T> Sparse<T>((T Value, double Chance)[] members)
    {
        var builder = ImmutableHashSet.CreateBuilder<T>();
        foreach (var (value, chance) in members)
        {
            if (Chance(chance))
            {
                builder.Add(value);
            }
        }

        return builder.ToImmutable();
    }

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>((T Value, int Weight)[] choices)
    {
        var draw = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (draw < weight)
            {
                return value;
            }

            draw -= weight;
        }

        throw new InvalidOperationException("unreachable: the draw is below the total weight");
    }
}
