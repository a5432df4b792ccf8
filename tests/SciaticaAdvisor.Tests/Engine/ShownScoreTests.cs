using FluentAssertions;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Rules;
using Xunit;
using static SciaticaAdvisor.Advice.MassageStyle;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// Shown scores agree with the ranks (CONTRACT.md, style advice; GUIDANCE invariant 7): a style a
/// placement moves above one that scored higher shows a score raised just enough, so re-sorting by
/// score (higher first, ties in style order) gives the ranks back.
/// </summary>
public sealed class ShownScoreTests
{
    [Fact]
    public void Advise_AcuteFlareAtHighSensitivity_ShowsRelaxationFirstOnePointAboveLomiLomi()
    {
        // Relaxation scores 65 and lomi lomi 70; G3.1 puts relaxation first, and as it comes after
        // lomi lomi in style order a tie would sort it below, so it shows 71.
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.SpinalStenosis,
            Flare = FlareState.Acute,
            PainSensitivity = PainSensitivity.High,
            PainIntensity = 6,
            DiagnosisConfirmed = true,
            ClinicianApproved = true,
        };

        var styles = Advisor.CreateDefault().Advise(profile).Styles;

        styles.Select(s => (s.Style, s.Score)).Should().Equal((Relaxation, 71), (LomiLomi, 70), (Reflexology, 50), (Shiatsu, 30));
    }

    [Fact]
    public void Advise_PlacementAboveAStyleLaterInStyleOrder_TiesItsScore()
    {
        // Baseline: shiatsu 50, deep tissue 40. Deep tissue up 30 scores 70; shiatsu placed first
        // needs only to tie it, as shiatsu comes first in style order.
        var advice = RuleText.Advisor("""
              - id: deep-up
                name: Deep tissue up
                guidance: G4.1
                then: [ { recommend: { style: deepTissue, score: 30 } } ]
              - id: shiatsu-first
                name: Shiatsu first
                guidance: G4.2
                then: [ { rankFirst: shiatsu } ]
            """).Advise(RuleText.Profile());

        advice.Styles.Take(2).Select(s => (s.Style, s.Score)).Should().Equal((Shiatsu, 70), (DeepTissue, 70));
    }

    [Fact]
    public void Advise_NoPlacementMovesAStyle_ShowsTheScoresAsTheyAre()
    {
        var advice = RuleText.Advisor("").Advise(RuleText.Profile());

        advice.Styles.Select(s => s.Score).Should().Equal(50, 40, 30, 20, 10);
    }

    [Fact]
    public void Advise_PlacementIntoTheTopThree_RaisesOnlyTheMovedStyle()
    {
        var advice = RuleText.Advisor("""
              - id: reflexology-top-three
                name: Reflexology in the top three
                guidance: G6.1
                then: [ { rankInTop: { style: reflexology, n: 3 } } ]
            """).Advise(RuleText.Profile());

        advice.Styles.Select(s => (s.Style, s.Score)).Should().Equal((Shiatsu, 50), (DeepTissue, 40), (Reflexology, 31), (LomiLomi, 30), (Relaxation, 20));
    }
}
