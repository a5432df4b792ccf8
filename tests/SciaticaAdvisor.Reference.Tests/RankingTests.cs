using SciaticaAdvisor.Advice;
using static SciaticaAdvisor.Advice.MassageStyle;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>How placements move styles: as little as they must, away from the score order.</summary>
public class RankingTests
{
    private static StyleDraft Draft(MassageStyle style, double score) =>
        new(style, Pressure.Moderate, FocusArea.WholeBody) { Score = score };

    private static MassageStyle[] Order(IEnumerable<StyleDraft> styles, params Placement[] placements) =>
        [.. Ranking.Order([.. styles], placements).Select(s => s.Style)];

    private static readonly StyleDraft[] Five =
        [Draft(Shiatsu, 90), Draft(DeepTissue, 80), Draft(LomiLomi, 70), Draft(Relaxation, 60), Draft(Reflexology, 50)];

    [Fact]
    public void Order_NoPlacements_FollowsScoresThenStyleOrder() =>
        Order([Draft(Reflexology, 60), Draft(LomiLomi, 60), Draft(Shiatsu, 10)])
            .Should().Equal(LomiLomi, Reflexology, Shiatsu);

    [Fact]
    public void Order_RankFirst_MovesOnlyThatStyle() =>
        Order(Five, new RankFirst(Relaxation)).Should().Equal(Relaxation, Shiatsu, DeepTissue, LomiLomi, Reflexology);

    [Fact]
    public void Order_RankFirstOfTwo_TakesTheBetterScoring() =>
        Order(Five, new RankFirst(Relaxation, Reflexology)).Should().Equal(Relaxation, Shiatsu, DeepTissue, LomiLomi, Reflexology);

    [Fact]
    public void Order_RankInTop_LiftsTheStyleJustIntoPlace() =>
        Order(Five, new RankInTop(Reflexology, 3)).Should().Equal(Shiatsu, DeepTissue, Reflexology, LomiLomi, Relaxation);

    [Fact]
    public void Order_RankAbove_FillsEachRankWithTheBestScoringStyleThatStillFits() =>
        Order(Five, new RankAbove(Relaxation, DeepTissue)).Should().Equal(Shiatsu, LomiLomi, Relaxation, DeepTissue, Reflexology);

    [Fact]
    public void Order_SeveralPlacements_KeepsThemAllClosestToTheScores() =>
        Order(Five, new RankFirst(DeepTissue), new RankInTop(LomiLomi, 2), new RankInTop(Reflexology, 3))
            .Should().Equal(DeepTissue, LomiLomi, Reflexology, Shiatsu, Relaxation);

    [Fact]
    public void Order_PlacementOfAStyleNotAdvised_IsVoid() =>
        Order([Draft(Shiatsu, 90), Draft(LomiLomi, 70)], new RankFirst(Relaxation, Reflexology), new RankAbove(DeepTissue, Shiatsu))
            .Should().Equal(Shiatsu, LomiLomi);

    [Fact]
    public void ShownScores_InScoreOrder_AreTheScores() =>
        Ranking.ShownScores([.. Five]).Should().Equal(90, 80, 70, 60, 50);

    [Fact]
    public void ShownScores_StyleMovedAboveOneEarlierInStyleOrder_ShowsOnePointMore()
    {
        // Relaxation comes after shiatsu in style order, so at a tie it would sort below.
        var order = Ranking.Order([.. Five], [new RankFirst(Relaxation)]);

        Ranking.ShownScores(order).Should().Equal(91, 90, 80, 70, 50);
    }

    [Fact]
    public void ShownScores_StyleMovedAboveOneLaterInStyleOrder_TiesIt()
    {
        var order = Ranking.Order([Draft(Shiatsu, 40), Draft(DeepTissue, 60), Draft(LomiLomi, 50)], [new RankFirst(Shiatsu)]);

        Ranking.ShownScores(order).Should().Equal(60, 60, 50);
    }

    [Fact]
    public void ShownScores_RaisedStyleAboveATie_RaisesTheStyleRankedAboveItToo()
    {
        // Reflexology must show 61 to sort above lomi lomi; shiatsu, ranked above it, then ties it at 61.
        var order = Ranking.Order([Draft(Shiatsu, 60), Draft(LomiLomi, 60), Draft(Reflexology, 50)], [new RankInTop(Reflexology, 2)]);

        order.Select(s => s.Style).Should().Equal(Shiatsu, Reflexology, LomiLomi);
        Ranking.ShownScores(order).Should().Equal(61, 61, 60);
    }

    [Fact]
    public void Order_PlacementsNoOrderCanKeep_Throws()
    {
        var act = () => Order(Five, new RankFirst(Shiatsu), new RankFirst(LomiLomi));

        act.Should().Throw<InvalidOperationException>();
    }
}
