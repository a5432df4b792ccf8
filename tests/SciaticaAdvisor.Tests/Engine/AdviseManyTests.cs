using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Inspection;
using SciaticaAdvisor.Scenarios;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Tests.Rules;
using SciaticaAdvisor.Tests.Scenarios;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// AdviseMany gives every profile what Advise gives it, byte for byte, whatever the chunk of
/// profiles sharing an engine session and whatever the cache already holds.
/// </summary>
public class AdviseManyTests
{
    private static readonly Advisor Uncached = new AdvisorBuilder().UseAdviceCache(0).Build();

    // Advise's bytes (uncached, default rules) of each profile the theories share, made once for all chunk sizes.
    private static readonly ConcurrentDictionary<SymptomProfile, string> UncachedJson = new();

    public static TheoryData<int> ChunkSizes => [1, 2, 17, 64, Advisor.DefaultChunkSize];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void AdviseMany_EveryScenario_IsByteIdenticalToAdvise(int chunkSize)
    {
        var profiles = RepoPaths.ScenarioFiles.SelectMany(path => ScenarioFile.Load(path).Scenarios).Select(s => s.Profile).ToArray();

        profiles.Should().HaveCountGreaterThan(20);
        AssertSameAsAdvise(new AdvisorBuilder().UseAdviceCache(0).Build(), profiles, chunkSize);
        AssertSameAsAdvise(Advisor.CreateDefault(), [.. profiles, .. profiles], chunkSize);
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void AdviseMany_InputClassesAndGeneratedProfiles_AreByteIdenticalToAdvise(int chunkSize)
    {
        var classes = RuleSetInspection.Of(Uncached).InputClasses(4_000).Enumerate().Take(4_000);
        var random = ProfileGenerators.Gen().Sample(2_000, new Rnd(41UL, 43UL), 30);
        SymptomProfile[] profiles = [.. classes, .. random];

        AssertSameAsAdvise(new AdvisorBuilder().UseAdviceCache(0).Build(), profiles, chunkSize);

        // Room for 8 whole advices and 512 classes' fired rules: repeats are answered from either
        // tier, from the same call or an earlier one, and the rest run through the engine.
        var small = new AdvisorBuilder().UseAdviceCache(8).Build();
        AssertSameAsAdvise(small, [.. random, .. random.Take(700), .. random], chunkSize);
    }

    [Fact]
    public void AdviseMany_DerivedFactsOfOneProfile_NeverReachAnotherInTheSameSession()
    {
        // The flare derives a fact that contraindicates deep tissue, its absence adds a note: if a
        // derived fact counted for every profile of its session, the calm profiles would lose the note.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).AddRules(RuleText.With("""
              - id: flare-derives-fragile
                name: A flare makes the back fragile
                guidance: G3.1
                when: { flare: [acute, subsiding] }
                then: [ { derive: fragileBack } ]
              - id: fragile-back-no-deep
                name: No deep work on a fragile back
                guidance: G3.1
                priority: 5
                when: { fact: fragileBack }
                then: [ { contraindicate: { style: deepTissue, level: avoid, reason: fragile back } } ]
              - id: deep-gone-note
                name: Note when deep tissue is out
                guidance: G9
                when: { styleAvoided: deepTissue }
                then: [ { note: no deep tissue today } ]
              - id: sturdy-back-note
                name: A sturdy back may take firm work
                guidance: G4.1
                priority: -5
                when: { not: { fact: fragileBack } }
                then: [ { note: firm work is fine } ]
            """), "test.yaml").Build();
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 40).Select(i => RuleText.Profile(i % 3 == 0 ? FlareState.Subsiding : FlareState.None, intensity: i % 10))];

        var advices = advisor.AdviseMany(profiles);

        for (var i = 0; i < profiles.Length; i++)
        {
            var fragile = profiles[i].Flare == FlareState.Subsiding;
            advices[i].Notes.Should().Equal(fragile ? ["no deep tissue today"] : ["firm work is fine"]);
            advices[i].Contraindications.Should().HaveCount(fragile ? 1 : 0);
        }

        AssertSameAsAdvise(advisor, profiles, chunkSize: 40, reference: advisor);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void AdviseMany_FactDerivedByTwoRules_FiresTheRuleThatTestsItOnce(int chunkSize)
    {
        // A name's second derivation goes nowhere, so the positive test (a join, not an exists) meets
        // one fact per profile: were both derivations inserted, the rule testing the fact would fire twice.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).AddRules(RuleText.With("""
              - id: flare-derives-fragile
                name: A flare makes the back fragile
                guidance: G3.1
                when: { flare: [acute, subsiding] }
                then: [ { derive: fragileBack } ]
              - id: pain-derives-fragile
                name: Strong pain makes the back fragile
                guidance: G3.1
                when: { painIntensity: { atLeast: 5 } }
                then: [ { derive: fragileBack } ]
              - id: fragile-back-note
                name: Note a fragile back
                guidance: G3.1
                priority: 5
                when: { fact: fragileBack }
                then: [ { note: handle the back gently } ]
              - id: sturdy-back-note
                name: A sturdy back may take firm work
                guidance: G4.1
                priority: -5
                when: { not: { fact: fragileBack } }
                then: [ { note: firm work is fine } ]
            """), "test.yaml").Build();
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 40).Select(i => RuleText.Profile(i % 2 == 0 ? FlareState.Subsiding : FlareState.None, intensity: i % 10))];
        var advices = new MassageAdvice[profiles.Length];

        advisor.AdviseMany(profiles, advices, chunkSize);

        for (var i = 0; i < profiles.Length; i++)
        {
            var fragile = profiles[i].Flare == FlareState.Subsiding || profiles[i].PainIntensity >= 5;
            advices[i].Trace.Count(t => t.RuleId == "fragile-back-note").Should().Be(fragile ? 1 : 0, $"profile {i}");
            advices[i].Notes.Should().Equal(fragile ? ["handle the back gently"] : ["firm work is fine"]);
            AdvisorJson.Serialize(advices[i]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[i])));
        }

        profiles.Should().Contain(p => p.Flare == FlareState.Subsiding && p.PainIntensity >= 5, "some profiles derive the fact twice");
    }

    [Fact]
    public void AdviseMany_ProfileTheRulesFaultOn_ThrowsWhatAdviseThrows_AndAdvisesTheOthers()
    {
        // The baseline recommends deep tissue whatever the flare: an acute flare breaks invariant 2.
        var advisor = RuleText.Advisor("");
        SymptomProfile[] profiles = [RuleText.Profile(intensity: 1), RuleText.Profile(FlareState.Acute), RuleText.Profile(intensity: 2), RuleText.Profile(FlareState.Acute, intensity: 5)];
        var expected = Assert.Throws<RuleSetFaultException>(() => advisor.Advise(profiles[1]));
        var advices = new MassageAdvice[profiles.Length];

        var act = () => advisor.AdviseMany(profiles, advices);

        act.Should().Throw<RuleSetFaultException>().Which.Message.Should().Be(expected.Message);
        advices[1].Should().BeNull();
        advices[3].Should().BeNull();
        AdvisorJson.Serialize(advices[0]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[0])));
        AdvisorJson.Serialize(advices[2]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[2])));
    }

    [Fact]
    public void AdviseUnchecked_ManyProfiles_KeepsEachFaultAtItsProfile_AndGivesTheOthersTheirAdvice()
    {
        var inspection = RuleSetInspection.Of(RuleText.Advisor("""
              - id: acute-two-firsts
                name: Two firsts in a flare
                guidance: G0
                when: { flare: acute }
                then: [ { rankFirst: shiatsu }, { rankFirst: reflexology } ]
            """));
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 30).Select(i => RuleText.Profile(i % 4 == 1 ? FlareState.Acute : FlareState.None, intensity: i % 10))];
        var advices = new MassageAdvice?[profiles.Length];
        var faults = new RuleSetFaultException?[profiles.Length];

        inspection.AdviseUnchecked(profiles, advices, faults);

        for (var i = 0; i < profiles.Length; i++)
        {
            if (i % 4 == 1)
            {
                advices[i].Should().BeNull();
                faults[i]!.Message.Should().Be(Assert.Throws<RuleSetFaultException>(() => inspection.AdviseUnchecked(profiles[i])).Message);
            }
            else
            {
                faults[i].Should().BeNull();
                AdvisorJson.Serialize(advices[i]!).Should().Be(AdvisorJson.Serialize(inspection.AdviseUnchecked(profiles[i])));
            }
        }
    }

    [Fact]
    public void AdviseMany_InvalidProfile_ThrowsBeforeAdvisingAny()
    {
        SymptomProfile[] profiles = [RuleText.Profile(), RuleText.Profile(intensity: 11)];
        var advices = new MassageAdvice[2];

        var act = () => Uncached.AdviseMany(profiles, advices);

        act.Should().Throw<ProfileValidationException>().Which.Errors.Should().ContainSingle(e => e.Path == "$.painIntensity");
        advices.Should().OnlyContain(a => a == null);
    }

    [Fact]
    public void AdviseMany_SpanShorterThanProfiles_IsAnArgumentError()
    {
        var act = () => Uncached.AdviseMany([RuleText.Profile(), RuleText.Profile()], new MassageAdvice[1]);

        act.Should().Throw<ArgumentException>().WithParameterName("advices");
    }

    [Fact]
    public void AdviseMany_NoProfiles_GivesNoAdvice() =>
        Uncached.AdviseMany([]).Should().BeEmpty();

    [Fact]
    public void AdviseMany_FromManyThreadsAtOnce_GivesEveryCallerTheAdviceOfItsProfiles()
    {
        var shared = new AdvisorBuilder().UseAdviceCache(16).Build();
        var profiles = ProfileGenerators.Gen().Sample(600, new Rnd(5UL, 9UL), 30).ToArray();
        var expected = profiles.Select(p => AdvisorJson.Serialize(Uncached.Advise(p))).ToArray();

        Parallel.For(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 8 }, call =>
        {
            var part = profiles.AsSpan((call * 25) % 500, 100);
            var advices = shared.AdviseMany(part);
            for (var i = 0; i < part.Length; i++)
            {
                AdvisorJson.Serialize(advices[i]).Should().Be(expected[((call * 25) % 500) + i]);
            }
        });
    }

    [Fact]
    public void AdviseMany_CallAfterCall_OnKeptChunksAndSheets_IsByteIdenticalToAdvise()
    {
        // Calls of a few dozen profiles, as batch makes them: each call takes the chunk (and the sheets)
        // an earlier call gave back, of a size that grows and shrinks, so a sheet written for one profile
        // is written again for others; from several threads, each call's chunk its own.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        var profiles = ProfileGenerators.Gen().Sample(1_200, new Rnd(23UL, 29UL), 30).ToArray();
        var expected = profiles.Select(p => UncachedJson.GetOrAdd(p, q => AdvisorJson.Serialize(Uncached.Advise(q)))).ToArray();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            var random = new Random(thread);
            for (var start = 0; start < profiles.Length;)
            {
                var part = profiles.AsSpan(start, Math.Min(random.Next(1, 60), profiles.Length - start));
                var advices = new MassageAdvice[part.Length];
                advisor.AdviseMany(part, advices, chunkSize: random.Next(1, 40));
                for (var i = 0; i < part.Length; i++)
                {
                    AdvisorJson.Serialize(advices[i]).Should().Be(expected[start + i], $"profile {start + i}");
                }

                start += part.Length;
            }
        });
    }

    /// <summary>Checks AdviseMany of <paramref name="advisor"/> against Advise of <paramref name="reference"/> (uncached, the default rules unless given).</summary>
    private static void AssertSameAsAdvise(Advisor advisor, SymptomProfile[] profiles, int chunkSize, Advisor? reference = null)
    {
        var advices = new MassageAdvice[profiles.Length];
        advisor.AdviseMany(profiles, advices, chunkSize);

        for (var i = 0; i < profiles.Length; i++)
        {
            var expected = reference is null ? UncachedJson.GetOrAdd(profiles[i], p => AdvisorJson.Serialize(Uncached.Advise(p))) : AdvisorJson.Serialize(reference.Advise(profiles[i]));
            var actual = AdvisorJson.Serialize(advices[i]);
            if (actual != expected)
            {
                actual.Should().Be(expected, $"profile {i}: {AdvisorJson.Serialize(profiles[i])}");
            }
        }
    }
}
