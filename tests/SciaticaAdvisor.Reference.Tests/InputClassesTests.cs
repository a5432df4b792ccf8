using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>The input classes: as many as claimed, valid, and covering every value they promise.</summary>
public class InputClassesTests
{
    [Fact]
    public void All_YieldsExactlyCountProfiles()
    {
        InputClasses.Count.Should().Be(958_896);
        InputClasses.All().LongCount().Should().Be(InputClasses.Count);
    }

    [Fact]
    public void Smoke_YieldsExactlySmokeCountProfilesNearFiftyThousand()
    {
        InputClasses.SmokeCount.Should().BeInRange(40_000, 60_000);
        InputClasses.Smoke().LongCount().Should().Be(InputClasses.SmokeCount);
    }

    [Fact]
    public void Smoke_HasNoTwoEqualProfiles() =>
        InputClasses.Smoke().Distinct().LongCount().Should().Be(InputClasses.SmokeCount);

    [Fact]
    public void Smoke_IsTheSameEveryTime() =>
        InputClasses.Smoke().Take(5_000).Should().Equal(InputClasses.Smoke().Take(5_000));

    [Fact]
    public void Smoke_ProfilesAreAllValid() =>
        InputClasses.Smoke().Where(p => !ProfileReader.Validate(p).IsEmpty).Should().BeEmpty();

    [Fact]
    public void All_CoversEveryEnumValueAndEverySubsetItPromises()
    {
        var causes = new HashSet<SciaticaCause>();
        var flares = new HashSet<FlareState>();
        var sensitivities = new HashSet<PainSensitivity>();
        var intensities = new HashSet<int>();
        var weeks = new HashSet<int?>();
        var treatment = new HashSet<int>();
        var booleans = new HashSet<(bool, bool)>();
        var symptoms = new HashSet<string>();
        var redFlags = new HashSet<string>();
        var conditions = new HashSet<string>();
        var avoided = new HashSet<string>();
        foreach (var p in InputClasses.All())
        {
            causes.Add(p.Cause);
            flares.Add(p.Flare);
            sensitivities.Add(p.PainSensitivity);
            intensities.Add(p.PainIntensity);
            weeks.Add(p.SymptomWeeks);
            treatment.Add(p.WeeksInTreatment);
            booleans.Add((p.DiagnosisConfirmed, p.ClinicianApproved));
            symptoms.Add(Key(p.Symptoms));
            redFlags.Add(Key(p.RedFlags));
            conditions.Add(Key(p.Conditions));
            avoided.Add(Key(p.AvoidStyles));
        }

        causes.Should().HaveCount(5);
        flares.Should().HaveCount(3);
        sensitivities.Should().HaveCount(3);
        intensities.Should().HaveCount(11);
        weeks.Should().BeEquivalentTo(new int?[] { null, 11, 12 });
        treatment.Should().BeEquivalentTo(new[] { 0, 6, 7 });
        booleans.Should().HaveCount(4);
        symptoms.Should().HaveCount(1 << 7);
        redFlags.Should().HaveCount(9);
        conditions.Should().HaveCount(1 << 6);
        avoided.Should().HaveCount(1 << 5);
    }

    [Fact]
    public void All_StylesBlockCrossesEveryStyleInputClass()
    {
        // Every (cause, flare, sensitivity, weeks, style symptoms, safety conditions, avoidStyles) once, without red flags.
        var classes = InputClasses.All()
            .Where(p => p.RedFlags.IsEmpty && !p.Conditions.Contains(HealthCondition.SuspectedDvt))
            .Select(p => (p.Cause, p.Flare, p.PainSensitivity, p.SymptomWeeks,
                Key(p.Symptoms.Intersect([Symptom.RadiatingLegPain, Symptom.Tingling, Symptom.Numbness])),
                Key(p.Conditions.Remove(HealthCondition.SkinLesionInArea)),
                Key(p.AvoidStyles)))
            .Distinct()
            .Count();

        classes.Should().Be(5 * 3 * 3 * 3 * 8 * 16 * 32);
    }

    [Fact]
    public void All_ReferralBlockCrossesEveryReferringPatternWithEveryContraindicationClass()
    {
        var classes = InputClasses.All()
            .Where(p => !p.RedFlags.IsEmpty || p.Conditions.Contains(HealthCondition.SuspectedDvt))
            .Select(p => (Key(p.RedFlags), p.Conditions.Contains(HealthCondition.SuspectedDvt), p.Cause, p.Flare, p.PainSensitivity,
                Key(p.Conditions.Except([HealthCondition.SkinLesionInArea, HealthCondition.SuspectedDvt])),
                Key(p.AvoidStyles)))
            .Distinct()
            .Count();

        classes.Should().Be(17 * 5 * 3 * 3 * 16 * 32);
    }

    [Fact]
    public void All_StatusBlockCrossesEveryStatusInput()
    {
        var everyStyle = Enum.GetValues<MassageStyle>().Length;
        var classes = InputClasses.All()
            .Where(p => p.AvoidStyles.IsEmpty || p.AvoidStyles.Count == everyStyle)
            .Select(p => (p.Flare, p.PainIntensity, p.WeeksInTreatment, p.DiagnosisConfirmed, p.ClinicianApproved,
                Key(p.RedFlags), p.Conditions.Contains(HealthCondition.SuspectedDvt), p.AvoidStyles.Count))
            .Distinct()
            .Count();

        classes.Should().Be(3 * 11 * 3 * 2 * 2 * 18 * 2);
    }

    private static string Key<T>(IEnumerable<T> set)
        where T : struct, Enum => string.Join(",", set.Order());
}
