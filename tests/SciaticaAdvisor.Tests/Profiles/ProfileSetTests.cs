using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Profiles;

/// <summary>
/// A read profile keeps its sets as masks (ProfileSet) and hands out the shared set only when asked:
/// to a caller it must look exactly like a profile whose sets were given in C#.
/// </summary>
public class ProfileSetTests
{
    private const string Json = """
        {"cause": "piriformisSyndrome", "flare": "none", "painSensitivity": "low", "painIntensity": 6,
         "symptoms": ["worseWhenSitting", "buttockPain"], "conditions": ["pregnancy"], "avoidStyles": ["deepTissue", "relaxation"]}
        """;

    private static readonly SymptomProfile Built = new()
    {
        Cause = SciaticaCause.PiriformisSyndrome,
        Flare = FlareState.None,
        PainSensitivity = PainSensitivity.Low,
        PainIntensity = 6,
        Symptoms = [Symptom.ButtockPain, Symptom.WorseWhenSitting],
        Conditions = [HealthCondition.Pregnancy],
        AvoidStyles = [MassageStyle.Relaxation, MassageStyle.DeepTissue],
    };

    [Fact]
    public void ReadProfile_HoldsMasks_AndGivesTheOneSharedSetOfEachMask()
    {
        var profile = ProfileReader.Read(Json);

        var symptoms = EnumSet.Bit(Symptom.ButtockPain) | EnumSet.Bit(Symptom.WorseWhenSitting);
        profile.SymptomSet.Mask.Should().Be(symptoms);
        profile.RedFlagSet.Mask.Should().Be(0);
        profile.Symptoms.Should().BeSameAs(EnumSet.Of<Symptom>(symptoms)).And.BeEquivalentTo([Symptom.ButtockPain, Symptom.WorseWhenSitting]);
        profile.RedFlags.Should().BeSameAs(ImmutableHashSet<RedFlag>.Empty);
        profile.AvoidStyles.Should().BeEquivalentTo([MassageStyle.DeepTissue, MassageStyle.Relaxation]);
        ProfileFields.Symptoms.GetValue(profile).Should().BeSameAs(profile.Symptoms);
    }

    [Fact]
    public void ReadAndBuiltProfiles_AreEqual_WithOneHash_AndPackTheSame()
    {
        var read = ProfileReader.Read(Json);

        Built.SymptomSet.Mask.Should().BeNull("a set given in C# stays the value");
        read.Should().Be(Built);
        Built.Should().Be(read);
        read.GetHashCode().Should().Be(Built.GetHashCode());
        ProfileFields.All.Should().OnlyContain(f => f.Pack(read) == f.Pack(Built));
        (read with { Symptoms = [Symptom.Numbness] }).Should().NotBe(Built);
        (read with { AvoidStyles = [] }).Should().NotBe(read);
    }

    [Fact]
    public void With_ReplacesAReadSet_ByTheGivenOne()
    {
        var read = ProfileReader.Read(Json);

        var changed = read with { Symptoms = [Symptom.Numbness] };

        changed.Symptoms.Should().BeEquivalentTo([Symptom.Numbness]);
        changed.SymptomSet.Mask.Should().BeNull();
        ProfileFields.Symptoms.Pack(changed).Should().Be(EnumSet.Bit(Symptom.Numbness));
        changed.AvoidStyleSet.Mask.Should().Be(read.AvoidStyleSet.Mask, "the other sets are copied as they were");
        read.Symptoms.Should().HaveCount(2, "the original is untouched");
    }

    [Fact]
    public void DefaultSets_AreEmptyMasks_AndAGivenNullSetIsStillReported()
    {
        var profile = Built with { Symptoms = ImmutableHashSet<Symptom>.Empty };
        new SymptomProfile { Cause = SciaticaCause.Unknown, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 1 }
            .RedFlags.Should().BeSameAs(ImmutableHashSet<RedFlag>.Empty);

        var errors = ProfileReader.Validate(profile with { RedFlags = null! });

        errors.Should().ContainSingle().Which.Path.Should().Be("$.redFlags");
        ProfileReader.Validate(profile with { RedFlags = [(RedFlag)40] }).Should().ContainSingle().Which.Path.Should().Be("$.redFlags[0]");
        ProfileReader.Validate(profile).Should().BeEmpty();
    }

    [Fact]
    public void MaskBitsNoValueHas_AreDropped()
    {
        var named = EnumSet.Bit(Symptom.Tingling);
        var set = ProfileSet<Symptom>.OfMask(named | (1 << 11));

        set.Mask.Should().Be(named);
        set.Set.Should().BeSameAs(EnumSet.Of<Symptom>(named));
    }

    [Fact]
    public void Invariants_ReadTheMaskOfAReadProfile_AsTheyReadAGivenSet()
    {
        // The piriformis sample, which gets styles; built with given sets, then advised.
        var read = ProfileReader.Read("""
            {"cause": "piriformisSyndrome", "flare": "none", "painSensitivity": "low", "painIntensity": 6, "symptomWeeks": 5,
             "symptoms": ["buttockPain", "radiatingLegPain", "worseWhenSitting"], "diagnosisConfirmed": true, "clinicianApproved": true}
            """);
        var built = read with { Symptoms = [.. read.Symptoms], AvoidStyles = [] };
        var advice = Advisor.CreateDefault().Advise(built);
        advice.Styles.Should().HaveCountGreaterThan(1);

        // A profile that does not want two of the advised styles breaks invariant 1, read or built alike.
        var unwanted = built with { AvoidStyles = [advice.Styles[1].Style, advice.Styles[0].Style] };
        var values = ProfileValues.Of(read);
        values[ProfileFields.AvoidStyles] = ProfileFields.AvoidStyles.Pack(unwanted);
        var readUnwanted = values.ToProfile();

        readUnwanted.AvoidStyleSet.Mask.Should().NotBeNull();
        unwanted.AvoidStyleSet.Mask.Should().BeNull();
        AdviceInvariants.Check(readUnwanted, advice).Should().HaveCount(2).And.Equal(AdviceInvariants.Check(unwanted, advice));
        AdviceInvariants.Check(read, advice).Should().BeEmpty().And.Equal(AdviceInvariants.Check(built, advice));
    }
}
