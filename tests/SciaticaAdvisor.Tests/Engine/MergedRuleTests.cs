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
/// Neighbouring rules with the same <c>when</c> share one NRules rule (RuleModelBuilder.BuildAll)
/// only where that changes nothing: the advice is byte for byte that of one NRules rule per rule.
/// </summary>
public class MergedRuleTests
{
    private static readonly Advisor Uncached = new AdvisorBuilder().UseAdviceCache(0).Build();

    [Fact]
    public void DefaultRules_TheFiveBaselineRules_ShareOneEngineRule_AndEveryRuleIsInOneRun()
    {
        var rules = Uncached.Definitions;
        var runs = RuleModelBuilder.Runs(rules);

        runs.SelectMany(run => run).Order().Should().Equal(Enumerable.Range(0, rules.Length));
        runs.Should().Contain(run => run.Select(i => rules[i].Id).SequenceEqual(new[]
        {
            "baseline-shiatsu", "baseline-deep-tissue", "baseline-lomi-lomi", "baseline-relaxation", "baseline-reflexology",
        }));
        foreach (var run in runs)
        {
            run.Should().OnlyContain(i => RuleModelBuilder.SameCondition(rules[i].When, rules[run[0]].When), "a run shares one when");
        }
    }

    [Fact]
    public void RunMemberThatDerivesAFact_AHigherRuleTests_EndsTheRun_SoThatRuleFiresBetween()
    {
        // first and second have the same when; what first derives activates between, whose priority
        // (9) is above second's (5): separately, between fires after first and before second.
        var advisor = RuleText.Advisor("""
              - id: first
                name: First
                guidance: G3.1
                priority: 5
                when: { painIntensity: { atLeast: 3 } }
                then: [ { derive: flaring }, { note: first } ]
              - id: second
                name: Second
                guidance: G3.1
                priority: 5
                when: { painIntensity: { atLeast: 3 } }
                then: [ { note: second } ]
              - id: between
                name: Between
                guidance: G3.1
                priority: 9
                when: { fact: flaring }
                then: [ { note: between } ]
              - id: third
                name: Third
                guidance: G3.1
                priority: 5
                when: { painIntensity: { atLeast: 3 } }
                then: [ { note: third } ]
            """);

        var advice = advisor.Advise(RuleText.Profile());

        advice.Notes.Should().ContainInOrder("first", "between", "second", "third");
        advice.Trace.Select(t => t.RuleId).Should().ContainInOrder("first", "between", "second", "third");
        var runs = RuleModelBuilder.Runs(advisor.Definitions).Select(run => string.Join("+", run.Select(i => advisor.Definitions[i].Id))).ToList();
        runs.Should().Contain("second+third", "neither inserts a fact").And.NotContain(r => r.StartsWith("first+", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultRules_RunsWithTheSameProfileTest_ShareOneEngineRule_AcrossPriorities()
    {
        var rules = Uncached.Definitions;
        var groups = RuleModelBuilder.Groups(rules).Select(g => string.Join(" | ", g.Select(run => string.Join("+", run.Select(i => rules[i].Id))))).ToList();

        groups.Should().Contain("acute-flare-no-deep-tissue+acute-flare-shiatsu-caution | acute-flare-light-pressure+acute-flare-heat-ice+acute-flare-gentle-styles-up | acute-flare-gentle-styles-first");
        groups.Should().Contain("herniated-disc-deep-tissue-caution | herniated-disc-moderate-pressure | herniated-disc-shiatsu-above-deep-tissue");
        groups.Should().Contain(g => g.StartsWith("intensive-phase-for-flare-or-moderate-pain", StringComparison.Ordinal) && !g.Contains('|', StringComparison.Ordinal));
        RuleModelBuilder.Groups(rules).SelectMany(g => g).SelectMany(run => run).Order().Should().Equal(Enumerable.Range(0, rules.Length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void DeferredRun_FiresAtItsOwnTurn_AfterRulesOfOtherWhensAndFacts(int chunkSize)
    {
        // a and c share a when, so c waits on a's sheet: t (activated by a's fact) and b fire between
        // them; d has the same when but inserts a fact, so it stays an engine rule of its own (g keeps
        // it from joining c's run).
        var rules = RuleText.With("""
              - id: a
                name: A
                guidance: G3.1
                priority: 50
                when: { painIntensity: { atLeast: 3 } }
                then: [ { derive: x }, { note: a } ]
              - id: t
                name: T
                guidance: G3.1
                priority: 45
                when: { fact: x }
                then: [ { note: t } ]
              - id: b
                name: B
                guidance: G3.1
                priority: 40
                when: { painIntensity: { atLeast: 5 } }
                then: [ { note: b } ]
              - id: c
                name: C
                guidance: G3.1
                priority: 30
                when: { painIntensity: { atLeast: 3 } }
                then: [ { note: c } ]
              - id: g
                name: G
                guidance: G3.1
                priority: 25
                when: { painIntensity: { atLeast: 4 } }
                then: [ { note: g } ]
              - id: d
                name: D
                guidance: G3.1
                priority: 20
                when: { painIntensity: { atLeast: 3 } }
                then: [ { derive: y }, { note: d } ]
              - id: e
                name: E
                guidance: G3.1
                priority: 10
                when: { fact: y }
                then: [ { note: e } ]
            """);
        var advisor = new AdvisorBuilder().UseAdviceCache(0).AddRules(rules, "test.yaml").Build();
        var groups = RuleModelBuilder.Groups(advisor.Definitions).Select(g => string.Join(" | ", g.Select(run => string.Join("+", run.Select(i => advisor.Definitions[i].Id))))).ToList();
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 34).Select(i => RuleText.Profile(intensity: i % 10))];
        var advices = new MassageAdvice[profiles.Length];

        advisor.AdviseMany(profiles, advices, chunkSize);

        groups.Should().Contain("a | c").And.Contain("d");
        for (var i = 0; i < profiles.Length; i++)
        {
            var pain = profiles[i].PainIntensity;
            string[] expected = pain switch
            {
                >= 5 => ["a", "t", "b", "c", "g", "d", "e"],
                4 => ["a", "t", "c", "g", "d", "e"],
                3 => ["a", "t", "c", "d", "e"],
                _ => [],
            };
            advices[i].Notes.Should().Equal(expected, $"intensity {pain}");
            AdvisorJson.Serialize(advices[i]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[i])));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void RulesThatAlwaysFire_AreLeftOutOfTheEngine_AndFireAtTheirTurn(int chunkSize)
    {
        // u and z have no when and insert nothing: deferred on every sheet, not engine rules. u must
        // still fire after a and before t, which a's fact activates; v has no when but derives y, so
        // it stays an engine rule and w, which tests y, fires after it; z fires after w.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).AddRules(RuleText.With("""
              - id: a
                name: A
                guidance: G3.1
                priority: 50
                when: { painIntensity: { atLeast: 3 } }
                then: [ { derive: x }, { note: a } ]
              - id: u
                name: U
                guidance: G3.1
                priority: 45
                then: [ { note: u } ]
              - id: t
                name: T
                guidance: G3.1
                priority: 44
                when: { fact: x }
                then: [ { note: t } ]
              - id: b
                name: B
                guidance: G3.1
                priority: 40
                when: { painIntensity: { atLeast: 5 } }
                then: [ { note: b } ]
              - id: v
                name: V
                guidance: G3.1
                priority: 30
                then: [ { derive: y }, { note: v } ]
              - id: w
                name: W
                guidance: G3.1
                priority: 20
                when: { fact: y }
                then: [ { note: w } ]
              - id: z
                name: Z
                guidance: G3.1
                priority: 10
                then: [ { note: z } ]
            """), "test.yaml").Build();
        var names = RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out _, out var unconditional).Select(r => r.Name).ToList();
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 34).Select(i => RuleText.Profile(intensity: i % 10))];
        var advices = new MassageAdvice[profiles.Length];

        advisor.AdviseMany(profiles, advices, chunkSize);

        names.Should().Contain(["a", "t", "b", "v", "w"]).And.NotContain(["u", "z", "base-shiatsu"]);
        unconditional.SelectMany(run => run.Rules).Select(r => r.Id).Should().Contain(["u", "z", "base-shiatsu", "base-phase"]);
        for (var i = 0; i < profiles.Length; i++)
        {
            var pain = profiles[i].PainIntensity;
            string[] expected = pain switch
            {
                >= 5 => ["a", "u", "t", "b", "v", "w", "z"],
                >= 3 => ["a", "u", "t", "v", "w", "z"],
                _ => ["u", "v", "w", "z"],
            };
            advices[i].Notes.Should().Equal(expected, $"intensity {pain}");
            advices[i].Trace.Select(e => e.RuleId).Should().StartWith(expected);
            AdvisorJson.Serialize(advices[i]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[i])));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void RuleTestingOnlyFacts_IsAnchoredOnItsFirstFact_AndSeesOnlyItsProfilesFacts(int chunkSize)
    {
        // anchored tests nothing on the profile: its first fact test comes first and the others, a
        // negated one too, join on that fact's sheet. It fires for a subsiding flare with pain 5 or 6.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).AddRules(RuleText.With("""
              - id: flare-x
                name: Flare x
                guidance: G3.1
                priority: 50
                when: { flare: subsiding }
                then: [ { derive: x }, { note: flare } ]
              - id: pain-no-deep
                name: Pain no deep
                guidance: G3.1
                priority: 45
                when: { painIntensity: { atLeast: 5 } }
                then: [ { contraindicate: { style: deepTissue, level: avoid, reason: pain } } ]
              - id: strong-y
                name: Strong y
                guidance: G3.1
                priority: 40
                when: { painIntensity: { atLeast: 7 } }
                then: [ { derive: y } ]
              - id: anchored
                name: Anchored
                guidance: G3.1
                priority: 10
                when: { all: [ { fact: x }, { styleAvoided: deepTissue }, { not: { fact: y } } ] }
                then: [ { note: anchored } ]
            """), "test.yaml").Build();
        var anchored = RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out _, out _).Single(r => r.Name == "anchored");
        SymptomProfile[] profiles = [.. Enumerable.Range(0, 40).Select(i => RuleText.Profile(i % 2 == 0 ? FlareState.Subsiding : FlareState.None, intensity: i % 10))];
        var advices = new MassageAdvice[profiles.Length];

        advisor.AdviseMany(profiles, advices, chunkSize);

        anchored.LeftHandSide.ChildElements.OfType<NRules.RuleModel.PatternElement>().Select(p => p.ValueType)
            .Should().Equal([typeof(DerivedFact), typeof(StyleAvoidedFact)], "no pattern over the profiles");
        for (var i = 0; i < profiles.Length; i++)
        {
            var subsiding = profiles[i].Flare == FlareState.Subsiding;
            var pain = profiles[i].PainIntensity;
            advices[i].Notes.Contains("anchored").Should().Be(subsiding && pain is 5 or 6, $"profile {i}");
            AdvisorJson.Serialize(advices[i]).Should().Be(AdvisorJson.Serialize(advisor.Advise(profiles[i])));
        }
    }

    [Fact]
    public void DefaultRules_MergedModel_GivesTheBytesOfOneEngineRulePerRule()
    {
        // Every rule alone in the engine (RuleModelBuilder.Build per rule), each profile in its own
        // fresh session, against the advisor's merged model: input classes and generated profiles.
        var factory = new RuleCompiler().Compile(Uncached.Definitions.Select((rule, i) => RuleModelBuilder.Build(rule, i, joinOnProfile: true)).ToList());
        var pool = new SessionPool(factory);
        var classes = RuleSetInspection.Of(Uncached).InputClasses(6_000).Enumerate().Take(6_000);
        var random = ProfileGenerators.Gen().Sample(2_000, new Rnd(47UL, 53UL), 30);
        SymptomProfile[] profiles = [.. classes, .. random];

        profiles.Should().HaveCountGreaterThan(5_000);
        foreach (var profile in profiles)
        {
            var sheet = new AdviceSheet(Uncached.Settings);
            pool.RunChunk(new ArraySegment<SessionProfile>([new SessionProfile(new ProfileFact(profile), sheet)]));
            string separate;
            try
            {
                separate = AdvisorJson.Serialize(AdviceAssembler.Assemble(profile, sheet, Uncached.RuleSet, Uncached.Parts));
            }
            catch (RuleSetFaultException ex)
            {
                separate = "fault: " + ex.Message;
            }

            string merged;
            try
            {
                merged = AdvisorJson.Serialize(Uncached.AdviseUnchecked(profile));
            }
            catch (RuleSetFaultException ex)
            {
                merged = "fault: " + ex.Message;
            }

            merged.Should().Be(separate, "merged runs fire exactly as separate rules, for {0}", AdvisorJson.Serialize(profile));
        }
    }
}
