using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Inspection;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;

namespace SciaticaAdvisor.Tests.Engine;

public class AdviceCacheTests
{
    private static readonly Advisor Cached = Advisor.CreateDefault();
    private static readonly Advisor Uncached = new AdvisorBuilder().UseAdviceCache(0).Build();

    [Fact]
    public void CachedAdvice_IsByteIdenticalToFreshAdvice_OnEveryInputClassAndRandomProfiles()
    {
        var classes = RuleSetInspection.Of(Cached).InputClasses(10_000).Enumerate();
        var random = ProfileGenerators.Gen().Sample(5_000, new Rnd(7UL, 11UL), 10);

        var fresh = new FreshJson();
        foreach (var profile in classes.Concat(random).Concat(random))
        {
            AdvisorJson.Serialize(Cached.Advise(profile)).Should().Be(fresh.Of(profile));
        }
    }

    [Fact]
    public void ReplayedAdvice_IsByteIdenticalToFreshAdvice()
    {
        // Room for the whole advice of 4 classes and the fired rules of 256: past the first few, a
        // class seen before is answered by replaying its rules without the engine.
        var advisor = new AdvisorBuilder().UseAdviceCache(4).Build();
        var classes = RuleSetInspection.Of(advisor).InputClasses(60).Enumerate().Take(60).ToList();
        var random = ProfileGenerators.Gen().Sample(2_000, new Rnd(3UL, 5UL), 10);
        var first = classes.Select(advisor.Advise).ToList();
        var fresh = new FreshJson();

        var replayed = 0;
        foreach (var (profile, index) in classes.Select((p, i) => (p, i)))
        {
            var again = advisor.Advise(profile);
            replayed += ReferenceEquals(again, first[index]) ? 0 : 1;
            AdvisorJson.Serialize(again).Should().Be(fresh.Of(profile));
        }

        foreach (var profile in random.Concat(random))
        {
            AdvisorJson.Serialize(advisor.Advise(profile)).Should().Be(fresh.Of(profile));
        }

        classes.Count.Should().Be(60);
        replayed.Should().BeGreaterThanOrEqualTo(56, "only 4 advices are kept whole");
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

    /// <summary>
    /// The uncached advisor's bytes for each profile, made once: the random profiles are advised
    /// twice by the advisor under test (the second time from its cache), but the fresh advice they
    /// are compared with is the same both times, so it is not computed again.
    /// </summary>
    private sealed class FreshJson
    {
        private readonly Dictionary<SymptomProfile, string> _json = [];

        public string Of(SymptomProfile profile)
        {
            if (!_json.TryGetValue(profile, out var json))
            {
                json = AdvisorJson.Serialize(Uncached.Advise(profile));
                _json[profile] = json;
            }

            return json;
        }
    }
}
