using System.Globalization;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>The input classes: as many as claimed, valid, and covering every value they promise.</summary>
[CpuCost(4)]
public class InputClassesTests
{
    /// <summary>
    /// What the All_ tests below count, gathered in one pass over the 958,896 profiles (each test asserts
    /// its own part). A set is keyed by its bit mask (bit i is the enum value i), so two keys are
    /// equal exactly when the sets are; masking a key is intersecting or removing from the set.
    /// </summary>
    private static readonly Lazy<AllCensus> Census = new(() =>
    {
        var census = new AllCensus();
        var styleSymptoms = Mask(Symptom.RadiatingLegPain, Symptom.Tingling, Symptom.Numbness);
        var skin = Mask(HealthCondition.SkinLesionInArea);
        var dvt = Mask(HealthCondition.SuspectedDvt);
        var everyStyle = Enum.GetValues<MassageStyle>().Length;
        foreach (var p in InputClasses.All())
        {
            census.Count++;
            var symptoms = Key(p.Symptoms);
            var redFlags = Key(p.RedFlags);
            var conditions = Key(p.Conditions);
            var avoided = Key(p.AvoidStyles);
            census.Causes.Add(p.Cause);
            census.Flares.Add(p.Flare);
            census.Sensitivities.Add(p.PainSensitivity);
            census.Intensities.Add(p.PainIntensity);
            census.Weeks.Add(p.SymptomWeeks);
            census.Treatment.Add(p.WeeksInTreatment);
            census.Booleans.Add((p.DiagnosisConfirmed, p.ClinicianApproved));
            census.Symptoms.Add(symptoms);
            census.RedFlags.Add(redFlags);
            census.Conditions.Add(conditions);
            census.Avoided.Add(avoided);

            var hasDvt = (conditions & dvt) != 0;
            if (redFlags == 0 && !hasDvt)
            {
                census.StylesClasses.Add((p.Cause, p.Flare, p.PainSensitivity, p.SymptomWeeks, symptoms & styleSymptoms, conditions & ~skin, avoided));
            }
            else
            {
                census.ReferralClasses.Add((redFlags, hasDvt, p.Cause, p.Flare, p.PainSensitivity, conditions & ~(skin | dvt), avoided));
            }

            if (avoided == 0 || p.AvoidStyles.Count == everyStyle)
            {
                census.StatusClasses.Add((p.Flare, p.PainIntensity, p.WeeksInTreatment, p.DiagnosisConfirmed, p.ClinicianApproved, redFlags, hasDvt, p.AvoidStyles.Count));
            }
        }

        return census;
    });

    [Fact]
    public void All_YieldsExactlyCountProfiles()
    {
        // The census counted what All() yielded in its one pass over the classes.
        InputClasses.Count.Should().Be(958_896);
        Census.Value.Count.Should().Be(InputClasses.Count);
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
        var all = Census.Value;

        all.Causes.Should().HaveCount(5);
        all.Flares.Should().HaveCount(3);
        all.Sensitivities.Should().HaveCount(3);
        all.Intensities.Should().HaveCount(11);
        all.Weeks.Should().BeEquivalentTo(new int?[] { null, 11, 12 });
        all.Treatment.Should().BeEquivalentTo(new[] { 0, 6, 7 });
        all.Booleans.Should().HaveCount(4);
        all.Symptoms.Should().HaveCount(1 << 7);
        all.RedFlags.Should().HaveCount(9);
        all.Conditions.Should().HaveCount(1 << 6);
        all.Avoided.Should().HaveCount(1 << 5);
    }

    [Fact]
    public void All_StylesBlockCrossesEveryStyleInputClass()
    {
        // Every (cause, flare, sensitivity, weeks, style symptoms, safety conditions, avoidStyles) once, without red flags.
        Census.Value.StylesClasses.Count.Should().Be(5 * 3 * 3 * 3 * 8 * 16 * 32);
    }

    [Fact]
    public void All_ReferralBlockCrossesEveryReferringPatternWithEveryContraindicationClass()
    {
        Census.Value.ReferralClasses.Count.Should().Be(17 * 5 * 3 * 3 * 16 * 32);
    }

    [Fact]
    public void All_StatusBlockCrossesEveryStatusInput()
    {
        Census.Value.StatusClasses.Count.Should().Be(3 * 11 * 3 * 2 * 2 * 18 * 2);
    }

    private static ulong Key<T>(IEnumerable<T> set)
        where T : struct, Enum
    {
        var key = 0UL;
        foreach (var value in set)
        {
            key |= Mask(value);
        }

        return key;
    }

    private static ulong Mask<T>(params T[] values)
        where T : struct, Enum
    {
        var mask = 0UL;
        foreach (var value in values)
        {
            var bit = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            mask |= bit is >= 0 and < 64 ? 1UL << bit : throw new InvalidOperationException($"{typeof(T).Name}.{value} does not fit a 64-bit key");
        }

        return mask;
    }

    private sealed class AllCensus
    {
        public long Count { get; set; }

        public HashSet<SciaticaCause> Causes { get; } = [];

        public HashSet<FlareState> Flares { get; } = [];

        public HashSet<PainSensitivity> Sensitivities { get; } = [];

        public HashSet<int> Intensities { get; } = [];

        public HashSet<int?> Weeks { get; } = [];

        public HashSet<int> Treatment { get; } = [];

        public HashSet<(bool, bool)> Booleans { get; } = [];

        public HashSet<ulong> Symptoms { get; } = [];

        public HashSet<ulong> RedFlags { get; } = [];

        public HashSet<ulong> Conditions { get; } = [];

        public HashSet<ulong> Avoided { get; } = [];

        public HashSet<(SciaticaCause, FlareState, PainSensitivity, int?, ulong, ulong, ulong)> StylesClasses { get; } = [];

        public HashSet<(ulong, bool, SciaticaCause, FlareState, PainSensitivity, ulong, ulong)> ReferralClasses { get; } = [];

        public HashSet<(FlareState, int, int, bool, bool, ulong, bool, int)> StatusClasses { get; } = [];
    }
}
