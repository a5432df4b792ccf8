using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Serialization;

/// <summary>Every enum member travels as the camelCase name the contract spells, in both directions.</summary>
public sealed class EnumNameRoundTripTests
{
    public static TheoryData<string, SciaticaCause> Causes => new()
    {
        { "herniatedDisc", SciaticaCause.HerniatedDisc },
        { "spinalStenosis", SciaticaCause.SpinalStenosis },
        { "piriformisSyndrome", SciaticaCause.PiriformisSyndrome },
        { "spondylolisthesis", SciaticaCause.Spondylolisthesis },
        { "unknown", SciaticaCause.Unknown },
    };

    public static TheoryData<string, FlareState> Flares => new()
    {
        { "none", FlareState.None }, { "subsiding", FlareState.Subsiding }, { "acute", FlareState.Acute },
    };

    public static TheoryData<string, PainSensitivity> Sensitivities => new()
    {
        { "low", PainSensitivity.Low }, { "moderate", PainSensitivity.Moderate }, { "high", PainSensitivity.High },
    };

    public static TheoryData<string, Symptom> SymptomNames => new()
    {
        { "lowerBackPain", Symptom.LowerBackPain },
        { "buttockPain", Symptom.ButtockPain },
        { "radiatingLegPain", Symptom.RadiatingLegPain },
        { "tingling", Symptom.Tingling },
        { "numbness", Symptom.Numbness },
        { "legWeakness", Symptom.LegWeakness },
        { "worseWhenSitting", Symptom.WorseWhenSitting },
    };

    public static TheoryData<string, RedFlag> RedFlagNames => new()
    {
        { "saddleAnesthesia", RedFlag.SaddleAnesthesia },
        { "bowelOrBladderDysfunction", RedFlag.BowelOrBladderDysfunction },
        { "progressiveWeakness", RedFlag.ProgressiveWeakness },
        { "fever", RedFlag.Fever },
        { "unexplainedWeightLoss", RedFlag.UnexplainedWeightLoss },
        { "historyOfCancer", RedFlag.HistoryOfCancer },
        { "recentTrauma", RedFlag.RecentTrauma },
    };

    public static TheoryData<string, HealthCondition> ConditionNames => new()
    {
        { "suspectedDvt", HealthCondition.SuspectedDvt },
        { "anticoagulants", HealthCondition.Anticoagulants },
        { "osteoporosis", HealthCondition.Osteoporosis },
        { "pregnancy", HealthCondition.Pregnancy },
        { "recentSpinalSurgery", HealthCondition.RecentSpinalSurgery },
        { "skinLesionInArea", HealthCondition.SkinLesionInArea },
    };

    public static TheoryData<string, MassageStyle> StyleNames => new()
    {
        { "shiatsu", MassageStyle.Shiatsu },
        { "deepTissue", MassageStyle.DeepTissue },
        { "lomiLomi", MassageStyle.LomiLomi },
        { "relaxation", MassageStyle.Relaxation },
        { "reflexology", MassageStyle.Reflexology },
    };

    [Theory]
    [MemberData(nameof(Causes))]
    public void Cause_RoundTripsByContractName(string name, SciaticaCause cause) =>
        AssertRoundTrip(Base() with { Cause = cause }, $"\"cause\":\"{name}\"");

    [Theory]
    [MemberData(nameof(Flares))]
    public void Flare_RoundTripsByContractName(string name, FlareState flare) =>
        AssertRoundTrip(Base() with { Flare = flare }, $"\"flare\":\"{name}\"");

    [Theory]
    [MemberData(nameof(Sensitivities))]
    public void PainSensitivity_RoundTripsByContractName(string name, PainSensitivity sensitivity) =>
        AssertRoundTrip(Base() with { PainSensitivity = sensitivity }, $"\"painSensitivity\":\"{name}\"");

    [Theory]
    [MemberData(nameof(SymptomNames))]
    public void Symptom_RoundTripsByContractName(string name, Symptom symptom) =>
        AssertRoundTrip(Base() with { Symptoms = [symptom] }, $"\"symptoms\":[\"{name}\"]");

    [Theory]
    [MemberData(nameof(RedFlagNames))]
    public void RedFlag_RoundTripsByContractName(string name, RedFlag flag) =>
        AssertRoundTrip(Base() with { RedFlags = [flag] }, $"\"redFlags\":[\"{name}\"]");

    [Theory]
    [MemberData(nameof(ConditionNames))]
    public void Condition_RoundTripsByContractName(string name, HealthCondition condition) =>
        AssertRoundTrip(Base() with { Conditions = [condition] }, $"\"conditions\":[\"{name}\"]");

    [Theory]
    [MemberData(nameof(StyleNames))]
    public void AvoidedStyle_RoundTripsByContractName(string name, MassageStyle style) =>
        AssertRoundTrip(Base() with { AvoidStyles = [style] }, $"\"avoidStyles\":[\"{name}\"]");

    [Fact]
    public void Serialize_ProfileSets_AreWrittenInContractOrder()
    {
        var profile = Base() with { Symptoms = [Symptom.WorseWhenSitting, Symptom.LowerBackPain, Symptom.Tingling] };

        AdvisorJson.Serialize(profile).Should().Contain("\"symptoms\":[\"lowerBackPain\",\"tingling\",\"worseWhenSitting\"]");
    }

    [Fact]
    public void Serialize_FullProfile_IsReadBackEqual()
    {
        var profile = ProfileReader.Read(ProfileJson.Full().Build());

        ProfileReader.Read(AdvisorJson.Serialize(profile)).Should().Be(profile);
    }

    [Fact]
    public void Serialize_Advice_WritesEveryAdviceEnumByContractName()
    {
        var json = AdvisorJson.Serialize(AdviceSamples.WithEveryEnumName());

        foreach (var name in AdviceSamples.EnumNames)
        {
            json.Should().Contain($"\"{name}\"");
        }
    }

    [Fact]
    public void DeserializeAdvice_SerializedAdvice_RoundTrips()
    {
        var advice = AdviceSamples.WithEveryEnumName();

        var back = AdvisorJson.DeserializeAdvice(AdvisorJson.Serialize(advice));

        AdvisorJson.Serialize(back).Should().Be(AdvisorJson.Serialize(advice));
    }

    [Fact]
    public void Serialize_Advice_IsOneLineUnlessIndented()
    {
        var advice = AdviceSamples.WithEveryEnumName();

        AdvisorJson.Serialize(advice).Should().NotContain("\n");
        AdvisorJson.Serialize(advice, indented: true).Should().Contain("\n");
    }

    [Theory]
    [InlineData(AdviceStatus.Recommended, "recommended")]
    [InlineData(AdviceStatus.ClearanceNeeded, "clearanceNeeded")]
    [InlineData(AdviceStatus.Referral, "referral")]
    public void AdviceStatus_RoundTripsByContractName(AdviceStatus status, string name)
    {
        var advice = AdviceSamples.WithEveryEnumName() with { Status = status };

        var json = AdvisorJson.Serialize(advice);

        json.Should().StartWith($"{{\"status\":\"{name}\"");
        AdvisorJson.DeserializeAdvice(json).Status.Should().Be(status);
    }

    [Theory]
    [InlineData(ReferralUrgency.Emergency, "emergency")]
    [InlineData(ReferralUrgency.Urgent, "urgent")]
    [InlineData(ReferralUrgency.Routine, "routine")]
    public void ReferralUrgency_RoundTripsByContractName(ReferralUrgency urgency, string name)
    {
        var sample = AdviceSamples.WithEveryEnumName();
        var advice = sample with { Referral = sample.Referral! with { Urgency = urgency } };

        var json = AdvisorJson.Serialize(advice);

        json.Should().Contain($"\"referral\":{{\"urgency\":\"{name}\"");
        AdvisorJson.DeserializeAdvice(json).Referral!.Urgency.Should().Be(urgency);
    }

    private static SymptomProfile Base() => ProfileReader.Read(ProfileJson.Minimal().Build());

    private static void AssertRoundTrip(SymptomProfile profile, string expectedFragment)
    {
        var json = AdvisorJson.Serialize(profile);

        json.Should().Contain(expectedFragment);
        ProfileReader.Read(json).Should().Be(profile);
    }
}
