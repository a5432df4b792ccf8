using FsCheck;
using FsCheck.Fluent;
using NRules;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Inspection;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// In a chunk session the facts the rules insert wait for a flush rule that inserts the chunk's all
/// at once (FactFlushPlan), only where no rule could see the difference: every advice stays Advise's.
/// </summary>
public class FactFlushTests
{
    private static readonly Advisor Default = new AdvisorBuilder().UseAdviceCache(0).Build();

    [Fact]
    public void DefaultRules_EveryTestedFact_WaitsBelowItsInsertersAndAboveItsTesters()
    {
        var rules = Default.Definitions;
        RuleModelBuilder.BuildAll(rules, joinOnProfile: true, out var plan);
        int Priority(string id) => rules.Select((r, i) => (r, i)).Where(x => x.r.Id == id).Select(x => RuleModelBuilder.PriorityOf(x.r, x.i)).Single();

        var deep = plan.LevelOfDerived("deepTissueLimited");
        deep.Should().BeLessThan(Priority("not-wanted-deep-tissue")).And.BeLessThan(Priority("acute-flare-no-deep-tissue"))
            .And.BeGreaterThan(Priority("piriformis-deep-tissue-first"));
        var intensive = plan.LevelOfDerived("intensivePhase");
        intensive.Should().BeLessThan(Priority("intensive-phase-for-flare-or-moderate-pain"))
            .And.BeGreaterThan(Priority("no-relief-after-intensive-phase-reassess"));
        foreach (var style in Enum.GetValues<MassageStyle>())
        {
            var level = plan.LevelOf(new StyleAvoidedFact(style, new AdviceSheet(Default.Settings)));
            level.Should().BeGreaterThan(Priority("no-style-left-see-physical-therapist")).And.BeLessThan(Priority("not-wanted-reflexology"));
        }

        plan.Levels.Should().HaveCount(2, "one flush below the contraindications, one below the phase rules");
    }

    [Fact]
    public void ChunkSession_DefaultRules_InsertsTheFactsTogether_AndEachProfileGetsAdvisesBytes()
    {
        var definitions = RuleModelBuilder.BuildAll(Default.Definitions, joinOnProfile: true, out var plan);
        var pool = new SessionPool(new RuleCompiler().Compile(definitions));
        var profiles = ProfileGenerators.Gen().Sample(64, new Rnd(61UL, 67UL), 30).ToArray();
        var batch = new FactBatch(plan);
        var inSession = profiles.Select(p => new SessionProfile(new ProfileFact(p), new AdviceSheet(Default.Settings) { Batch = batch })).ToArray();

        pool.RunChunk(new ArraySegment<SessionProfile>(inSession), batch);

        batch.Flushed.Should().Be(inSession.Sum(p => p.Sheet.Asserted.Count)).And.BeGreaterThan(profiles.Length / 2, "the contraindications and the phase derive facts for most profiles");
        for (var i = 0; i < profiles.Length; i++)
        {
            string Json(Func<MassageAdvice> advise)
            {
                try
                {
                    return AdvisorJson.Serialize(advise());
                }
                catch (RuleSetFaultException ex)
                {
                    return "fault: " + ex.Message;
                }
            }

            Json(() => AdviceAssembler.Assemble(profiles[i], inSession[i].Sheet, Default.RuleSet, Default.Parts)).Should().Be(Json(() => Default.AdviseUnchecked(profiles[i])), $"profile {i}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    public void AdviseMany_FactTestedAboveItsDeriver_IsNeverHeld_AndFiresBetween(int chunkSize)
    {
        // between (9) tests what first (5) derives: held back, it would fire after second and third.
        var advisor = Uncached("""
              - id: first
                name: First
                guidance: G3.1
                priority: 5
                when: { painIntensity: { atLeast: 3 } }
                then: [ { derive: flaring }, { note: first } ]
              - id: second
                name: Second
                guidance: G3.1
                priority: 4
                when: { painIntensity: { atLeast: 3 } }
                then: [ { note: second } ]
              - id: between
                name: Between
                guidance: G3.1
                priority: 9
                when: { fact: flaring }
                then: [ { note: between } ]
            """);
        RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out var plan);
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 34).Select(i => RuleText.Profile(intensity: i % 10))];
        var advices = new MassageAdvice[profiles.Length];

        advisor.AdviseMany(profiles, advices, chunkSize);

        plan.LevelOfDerived("flaring").Should().Be(FactFlushPlan.Never);
        for (var i = 0; i < profiles.Length; i++)
        {
            advices[i].Notes.Should().Equal(profiles[i].PainIntensity >= 3 ? ["first", "between", "second"] : []);
            AdvisorJson.Serialize(advices[i]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[i])));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    public void AdviseMany_ChainOfHeldFacts_FiresEachTesterInAdvisesOrder(int chunkSize)
    {
        // x waits below the flare rule and activates the rule that derives y, which waits in turn; the
        // negated test loses its activation to the flushed fact before its turn, as it would at once.
        var advisor = Uncached("""
              - id: flare-derives-x
                name: Flare derives x
                guidance: G3.1
                priority: 50
                when: { flare: [acute, subsiding] }
                then: [ { derive: x }, { note: flare } ]
              - id: pain-note
                name: Pain note
                guidance: G3.1
                priority: 40
                when: { painIntensity: { atLeast: 4 } }
                then: [ { note: pain } ]
              - id: x-derives-y
                name: X derives y
                guidance: G3.1
                priority: 30
                when: { fact: x }
                then: [ { derive: y }, { note: x } ]
              - id: no-x
                name: No x
                guidance: G3.1
                priority: 20
                when: { not: { fact: x } }
                then: [ { note: no x } ]
              - id: y-note
                name: Y note
                guidance: G3.1
                priority: 10
                when: { all: [ { fact: y }, { painIntensity: { atMost: 6 } } ] }
                then: [ { note: y } ]
            """);
        RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out var plan);
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 34).Select(i => RuleText.Profile(i % 3 == 0 ? FlareState.Subsiding : FlareState.None, intensity: i % 10))];
        var advices = new MassageAdvice[profiles.Length];

        advisor.AdviseMany(profiles, advices, chunkSize);

        plan.LevelOfDerived("x").Should().NotBe(FactFlushPlan.Never);
        plan.LevelOfDerived("y").Should().NotBe(FactFlushPlan.Never);
        for (var i = 0; i < profiles.Length; i++)
        {
            var flare = profiles[i].Flare != FlareState.None;
            var pain = profiles[i].PainIntensity >= 4;
            string[] expected = flare
                ? [.. new[] { "flare" }, .. pain ? ["pain"] : Array.Empty<string>(), "x", .. profiles[i].PainIntensity <= 6 ? ["y"] : Array.Empty<string>()]
                : [.. pain ? ["pain"] : Array.Empty<string>(), "no x"];
            advices[i].Notes.Should().Equal(expected, $"profile {i}");
            AdvisorJson.Serialize(advices[i]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[i])));
        }
    }

    [Fact]
    public void AdviseMany_InputClassesAtChunk48_AreByteIdenticalToAdvise()
    {
        // A larger chunk than AdviseManyTests' 17 and 32 holds more facts per flush.
        var profiles = RuleSetInspection.Of(Default).InputClasses(3_000).Enumerate().Take(3_000).ToArray();
        var advices = new MassageAdvice[profiles.Length];

        Default.AdviseMany(profiles, advices, 48);

        for (var i = 0; i < profiles.Length; i++)
        {
            var expected = AdvisorJson.Serialize(Default.Advise(profiles[i]));
            var actual = AdvisorJson.Serialize(advices[i]);
            if (actual != expected)
            {
                actual.Should().Be(expected, $"profile {i}: {AdvisorJson.Serialize(profiles[i])}");
            }
        }
    }

    private static Advisor Uncached(string rules) => new AdvisorBuilder().UseAdviceCache(0).AddRules(RuleText.With(rules), "test.yaml").Build();
}
