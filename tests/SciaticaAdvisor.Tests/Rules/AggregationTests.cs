using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Tests.Rules;

public class AggregationTests
{
    private static MassageAdvice Run(string rules) => RuleText.Advisor(rules).Advise(RuleText.Profile());

    [Fact]
    public void Contraindications_StrongerLevelWinsAndReasonsJoinInFiringOrder()
    {
        var advice = Run("""
              - id: first
                name: First
                guidance: G0
                priority: 2
                then: [ { contraindicate: { style: shiatsu, level: caution, reason: careful } } ]
              - id: second
                name: Second
                guidance: G0
                priority: 1
                then: [ { contraindicate: { style: shiatsu, level: avoid, reason: not at all } } ]
            """);

        advice.Contraindications.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Level = ContraindicationLevel.Avoid, Reason = "careful; not at all", RuleIds = new[] { "first", "second" },
        });
    }

    [Fact]
    public void PressureCaps_LowestWins()
    {
        var advice = Run("""
              - id: cap-light
                name: Light
                guidance: G0
                then: [ { capPressure: { max: light, styles: [deepTissue] } } ]
              - id: cap-moderate
                name: Moderate
                guidance: G0
                then: [ { capPressure: { max: moderate } } ]
            """);

        advice.Styles.Single(s => s.Style == MassageStyle.DeepTissue).Pressure.Should().Be(Pressure.Light);
    }

    [Fact]
    public void Referrals_MostUrgentWinsAndEveryReasonIsKept()
    {
        var advice = Run("""
              - id: routine
                name: Routine
                guidance: G0
                priority: 2
                then: [ { refer: { urgency: routine, reason: have it diagnosed } } ]
              - id: emergency
                name: Emergency
                guidance: G0
                priority: 1
                then: [ { refer: { urgency: emergency, reason: emergency care now } } ]
            """);

        advice.Referral.Should().BeEquivalentTo(new
        {
            Urgency = ReferralUrgency.Emergency,
            Reasons = new[] { "have it diagnosed", "emergency care now" },
            RuleIds = new[] { "routine", "emergency" },
        });
    }

    [Fact]
    public void EqualScores_BreakTiesByStyleOrder()
    {
        var advice = Run("""
              - id: level
                name: Level the field
                guidance: G0
                then:
                  - recommend: { style: deepTissue, score: 10 }
                  - recommend: { style: lomiLomi, score: 20 }
                  - recommend: { style: relaxation, score: 30 }
                  - recommend: { style: reflexology, score: 40 }
            """);

        RuleText.Order(advice).Should().Equal(
            MassageStyle.Shiatsu, MassageStyle.DeepTissue, MassageStyle.LomiLomi, MassageStyle.Relaxation, MassageStyle.Reflexology);
        advice.Styles.Select(s => s.Rank).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void EveryStyleAvoided_IsReferralWithoutStyles()
    {
        var advice = Run("""
              - id: avoid-all
                name: Avoid all
                guidance: G9
                then:
                  - contraindicate: { style: shiatsu, level: avoid, reason: no }
                  - contraindicate: { style: deepTissue, level: avoid, reason: no }
                  - contraindicate: { style: lomiLomi, level: avoid, reason: no }
                  - contraindicate: { style: relaxation, level: avoid, reason: no }
                  - contraindicate: { style: reflexology, level: avoid, reason: no }
            """);

        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Styles.Should().BeEmpty();
        advice.Plan.Should().BeNull();
    }

    [Fact]
    public void ConflictingPlacements_AreARuleSetFault()
    {
        var act = () => Run("""
              - id: shiatsu-first
                name: Shiatsu first
                guidance: G0
                then: [ { rankFirst: shiatsu }, { rankFirst: reflexology } ]
            """);

        act.Should().Throw<RuleSetFaultException>().WithMessage("*no ranking keeps every placement*");
    }

    [Fact]
    public void BrokenInvariant_IsARuleSetFaultNotAdvice()
    {
        var advisor = RuleText.Advisor("");
        var act = () => advisor.Advise(RuleText.Profile(SciaticaAdvisor.Profiles.FlareState.Acute));

        act.Should().Throw<RuleSetFaultException>().WithMessage("*deep tissue is advised during an acute flare*");
    }

    [Fact]
    public void Provenance_NamesTheRuleSetAndHashesItsText()
    {
        var advice = Run("");

        advice.RuleSet.Name.Should().Be("test-rules");
        advice.RuleSet.Version.Should().Be("0.0.1");
        advice.RuleSet.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        advice.RuleSet.Layers.Should().BeNull();
    }

    [Fact]
    public void Hash_IgnoresByteOrderMarkAndCrlf()
    {
        var text = RuleText.With("");
        var lf = new AdvisorBuilder().AddRules(text, "a.yaml").Build().RuleSet.Sha256;
        var crlf = new AdvisorBuilder().AddRules("\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal), "b.yaml").Build().RuleSet.Sha256;

        crlf.Should().Be(lf);
        lf.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
    }
}
