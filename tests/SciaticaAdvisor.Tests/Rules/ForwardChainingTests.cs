using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Rules;

public class ForwardChainingTests
{
    private const string Chain = """
          - id: flare-derives-fragile
            name: A flare makes the back fragile
            guidance: G3.1
            when: { flare: [acute, subsiding] }
            then: [ { derive: fragileBack } ]
          - id: fragile-back-no-deep
            name: No deep work on a fragile back
            guidance: G3.1
            priority: 5
            when: { all: [ { fact: fragileBack }, { painIntensity: { atLeast: 2 } } ] }
            then: [ { contraindicate: { style: deepTissue, level: caution, reason: fragile back } } ]
          - id: sturdy-back-note
            name: A sturdy back may take firm work
            guidance: G4.1
            priority: -5
            when: { not: { fact: fragileBack } }
            then: [ { note: firm work is fine } ]
        """;

    [Fact]
    public void DerivedFact_FiresRulesThatTestIt()
    {
        var advice = RuleText.Advisor(Chain).Advise(RuleText.Profile(FlareState.Subsiding));

        advice.Contraindications.Should().ContainSingle(c => c.Style == MassageStyle.DeepTissue && c.Level == ContraindicationLevel.Caution);
        advice.Trace.Select(t => t.RuleId).Should().ContainInOrder("flare-derives-fragile", "fragile-back-no-deep");
        advice.Notes.Should().NotContain("firm work is fine");
    }

    [Fact]
    public void AbsentFact_FiresNegatedTestOnly()
    {
        var advice = RuleText.Advisor(Chain).Advise(RuleText.Profile(FlareState.None));

        advice.Contraindications.Should().BeEmpty();
        advice.Notes.Should().Contain("firm work is fine");
    }

    [Fact]
    public void StyleAvoided_ChainsOnAvoidContraindications()
    {
        var advisor = RuleText.Advisor("""
              - id: high-sensitivity-avoids-deep
                name: Avoid deep at high sensitivity
                guidance: G5.1
                when: { painSensitivity: high }
                then: [ { contraindicate: { style: deepTissue, level: avoid, reason: too painful } } ]
              - id: deep-gone-note
                name: Note when deep tissue is out
                guidance: G9
                when: { styleAvoided: deepTissue }
                then: [ { note: no deep tissue today } ]
            """);

        advisor.Advise(RuleText.Profile(sensitivity: PainSensitivity.High)).Notes.Should().Contain("no deep tissue today");
        advisor.Advise(RuleText.Profile(sensitivity: PainSensitivity.Low)).Notes.Should().NotContain("no deep tissue today");
    }

    [Fact]
    public void Trace_ListsRulesInPriorityThenFileOrder()
    {
        var advice = RuleText.Advisor("""
              - id: late
                name: Late
                guidance: G0
                priority: -1
                then: [ { note: late } ]
              - id: early
                name: Early
                guidance: G0
                priority: 1
                then: [ { note: early } ]
            """).Advise(RuleText.Profile());

        advice.Trace.Select(t => t.RuleId).Should().Equal(
            "early", "base-shiatsu", "base-deep-tissue", "base-lomi-lomi", "base-relaxation", "base-reflexology", "base-phase", "late");
        advice.Notes.Should().Equal("early", "late");
    }
}
