using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Reference;

/// <summary>A place in the ranking that GUIDANCE fixes whatever the scores ("X ranks first", "X in top N", "X above Y").</summary>
internal abstract record Placement
{
    /// <summary>A placement about a style that is not advised is void (GUIDANCE, "How to read the items").</summary>
    public abstract bool IsVoid(IReadOnlyCollection<MassageStyle> advised);

    public abstract bool IsKeptBy(IReadOnlyList<MassageStyle> order);

    /// <summary>The styles the placement moves.</summary>
    public abstract IEnumerable<MassageStyle> Placed { get; }
}

/// <summary>The top style is one of <see cref="AnyOf"/>; void when none of them is advised.</summary>
internal sealed record RankFirst(params MassageStyle[] AnyOf) : Placement
{
    public override bool IsVoid(IReadOnlyCollection<MassageStyle> advised) => !AnyOf.Any(advised.Contains);

    public override bool IsKeptBy(IReadOnlyList<MassageStyle> order) => order.Count > 0 && AnyOf.Contains(order[0]);

    public override IEnumerable<MassageStyle> Placed => AnyOf;
}

/// <summary><see cref="Style"/> ranks in the top <see cref="N"/>.</summary>
internal sealed record RankInTop(MassageStyle Style, int N) : Placement
{
    public override bool IsVoid(IReadOnlyCollection<MassageStyle> advised) => !advised.Contains(Style);

    public override IEnumerable<MassageStyle> Placed => [Style];

    public override bool IsKeptBy(IReadOnlyList<MassageStyle> order)
    {
        var index = IndexOf(order, Style);
        return index >= 0 && index < N;
    }

    internal static int IndexOf(IReadOnlyList<MassageStyle> order, MassageStyle style)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == style)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary><see cref="Style"/> ranks above <see cref="Than"/>; void unless both are advised.</summary>
internal sealed record RankAbove(MassageStyle Style, MassageStyle Than) : Placement
{
    public override bool IsVoid(IReadOnlyCollection<MassageStyle> advised) =>
        !advised.Contains(Style) || !advised.Contains(Than);

    public override IEnumerable<MassageStyle> Placed => [Style];

    public override bool IsKeptBy(IReadOnlyList<MassageStyle> order) =>
        RankInTop.IndexOf(order, Style) < RankInTop.IndexOf(order, Than);
}
