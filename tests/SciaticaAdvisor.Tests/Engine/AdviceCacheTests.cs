using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Verification;

namespace SciaticaAdvisor.Tests.Engine;

public class AdviceCacheTests
{
    private static readonly Advisor Cached = Advisor.CreateDefault();
    private static readonly Advisor Uncached = new AdvisorBuilder().UseAdviceCache(0).Build();

    [Fact]
    public void CachedAdvice_IsByteIdenticalToFreshAdvice_OnEveryInputClassAndRandomProfiles()
    {
        var classes = ProfileSpace.Budgeted(Cached.Conditions, 10_000).Enumerate();
        var random = ProfileGenerators.Gen().Sample(5_000, new Rnd(7UL, 11UL), 10);

        foreach (var profile in classes.Concat(random).Concat(random))
        {
            AdvisorJson.Serialize(Cached.Advise(profile)).Should().Be(AdvisorJson.Serialize(Uncached.Advise(profile)));
        }
    }

    [Fact]
    public void ProfilesOfOneInputClass_ShareOneAdvice()
    {
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low,
            PainIntensity = 5, SymptomWeeks = 13, DiagnosisConfirmed = true, ClinicianApproved = true,
        };
        var sibling = profile with { PainIntensity = 9, SymptomWeeks = 40 };

        Cached.Advise(sibling).Should().BeSameAs(Cached.Advise(profile));
    }

    [Fact]
    public void ProfilesOfDifferentClasses_DoNotShareAdvice()
    {
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low,
            PainIntensity = 5, SymptomWeeks = 11, DiagnosisConfirmed = true, ClinicianApproved = true,
        };

        Cached.Advise(profile with { SymptomWeeks = 12 }).Should().NotBeSameAs(Cached.Advise(profile));
    }
}
