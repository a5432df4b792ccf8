using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Inspection;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;

namespace SciaticaAdvisor.Tests.Rules;

/// <summary>The inspection API shows a rule set to authoring tools as data, and answers whether rules can apply together.</summary>
public class InspectionTests
{
    private static readonly RuleSetInspection Inspection = RuleSetInspection.Of(RuleText.Advisor("""
          - id: acute-first
            name: Acute first
            guidance: G3.1
            when: { flare: acute }
            then: [ { rankFirst: [relaxation, reflexology] }, { derive: inFlare } ]
          - id: calm-first
            name: Calm first
            guidance: G3.1
            when: { flare: none }
            then: [ { rankFirst: shiatsu } ]
          - id: painful
            name: Painful
            guidance: G4
            when: { all: [ { painIntensity: { atLeast: 5 } }, { not: { fact: inFlare } } ] }
            then: [ { contraindicate: { style: deepTissue, level: avoid, reason: pain } } ]
        """));

    private static InspectedRule Rule(string id) => Inspection.Rules.Single(r => r.Info.Id == id);

    [Fact]
    public void CanHoldTogether_IsFalseForExclusiveConditions_AndTrueForOverlappingOnes()
    {
        RuleSetInspection.CanHoldTogether(Rule("acute-first"), Rule("calm-first")).Should().BeFalse("a flare is acute or none, not both");
        RuleSetInspection.CanHoldTogether(Rule("acute-first"), Rule("painful")).Should().BeTrue();
    }

    [Fact]
    public void Rules_ShowPlacementsFactsAndAvoidedStyles()
    {
        Rule("acute-first").RanksFirst.Should().ContainSingle().Which.Should().Equal(MassageStyle.Relaxation, MassageStyle.Reflexology);
        Rule("acute-first").DerivedFacts.Should().Equal("inFlare");
        Rule("painful").AvoidedStyles.Should().Equal(MassageStyle.DeepTissue);
        Rule("painful").EngineTests.Should().Equal(new EngineTest("inFlare", null, Negated: true));
        Rule("painful").ProfileTestsCanHold.Should().BeTrue();
    }
    [Fact]
    public void Replay_OfTheRulesAdviceFired_IsThatAdvice_UnderAnotherAdvisorsSettingsItsOwn()
    {
        // A layer of settings only: the same rules fire, so replaying the default's trace under the
        // layered settings must give what the layered advisor gives, and under the default's own what it gives.
        var defaults = Advisor.CreateDefault();
        var harsh = new AdvisorBuilder().UseDefaultRules().AddRules("name: harsh\nversion: \"1\"\nsettings:\n  cautionPenalty: 35\nrules: []\n", "harsh.yaml").Build();
        var replayDefault = RuleSetInspection.Of(defaults);
        var replayHarsh = RuleSetInspection.Of(harsh);
        var differing = 0;
        foreach (var profile in ProfileGenerators.Gen().Sample(2_000, new Rnd(5UL, 9UL), 10))
        {
            MassageAdvice advice;
            try
            {
                advice = defaults.Advise(profile);
            }
            catch (SciaticaAdvisor.Rules.RuleSetFaultException)
            {
                continue;
            }

            var fired = advice.Trace.Select(t => t.RuleId).ToArray();
            AdvisorJson.Serialize(replayDefault.Replay(profile, fired)).Should().Be(AdvisorJson.Serialize(advice));
            var expected = AdvisorJson.Serialize(harsh.Advise(profile));
            AdvisorJson.Serialize(replayHarsh.Replay(profile, fired)).Should().Be(expected);
            differing += expected == AdvisorJson.Serialize(advice with { RuleSet = harsh.RuleSet }) ? 0 : 1;
        }

        differing.Should().BeGreaterThan(0, "the penalty should change some advice, or the replay's settings go untested");
    }

    [Fact]
    public void Replay_OfAnUnknownRule_NamesIt()
    {
        var act = () => Inspection.Replay(new SymptomProfile { Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.Acute, PainSensitivity = PainSensitivity.Low, PainIntensity = 3 }, ["no-such-rule"]);

        act.Should().Throw<ArgumentException>().WithMessage("*'no-such-rule' is not a rule of the rule set*");
    }

    [Fact]
    public void InputClassOf_ProfilesOfOneClass_GetTheSameAdvice_AndTheAdvicesOwnFieldsAlwaysCount()
    {
        // 200 generated profiles, each with every pain intensity and a few durations, grouped by their class
        // under the default rules (uncached): every profile of a class must get its class's advice byte for
        // byte (or its fault), and many profiles must share a class.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        var inspection = RuleSetInspection.Of(advisor);
        var byClass = new Dictionary<long, string>();
        var repeats = 0;
        var siblings = ProfileGenerators.Gen().Sample(200, new Rnd(11UL, 3UL), 10)
            .SelectMany(p => Enumerable.Range(0, 11).SelectMany(pain => new int?[] { null, 1, 5, 13, 60 }.Select(weeks => p with { PainIntensity = pain, SymptomWeeks = weeks })))
            .Where(p => ProfileReader.Validate(p).IsEmpty);
        foreach (var profile in siblings)
        {
            string answer;
            try
            {
                answer = AdvisorJson.Serialize(advisor.Advise(profile));
            }
            catch (SciaticaAdvisor.Rules.RuleSetFaultException ex)
            {
                answer = ex.Message;
            }

            var key = inspection.InputClassOf(profile)!.Value;
            if (byClass.TryGetValue(key, out var first))
            {
                repeats++;
                answer.Should().Be(first, "a profile's class decides its advice");
            }
            else
            {
                byClass[key] = answer;
            }
        }

        repeats.Should().BeGreaterThan(100, "the sample should repeat classes, or the test compares nothing");
        var profile0 = new SymptomProfile { Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 3 };
        inspection.InputClassOf(profile0 with { ClinicianApproved = true }).Should().NotBe(inspection.InputClassOf(profile0), "the status reads the clearance fields directly");
        var invalid = () => inspection.InputClassOf(profile0 with { PainIntensity = 11 });
        invalid.Should().Throw<ProfileValidationException>();
    }
}
