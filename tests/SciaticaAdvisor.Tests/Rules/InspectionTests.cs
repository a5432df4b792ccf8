using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Inspection;

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
}
