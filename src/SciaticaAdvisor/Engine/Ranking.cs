using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Orders the candidate styles by score, then keeps every placement: of all orders that keep them,
/// the one closest to the score order (the best-scoring style that can go first goes first, and so on).
/// </summary>
internal static class Ranking
{
    /// <summary>Orders <paramref name="styles"/> (given best score first); returns null when no order keeps every placement.</summary>
    public static List<MassageStyle>? Order(List<MassageStyle> styles, IReadOnlyList<Placement> placements)
    {
        var active = placements.Where(p => !IsVoid(p, styles)).ToList();
        if (active.Count == 0 || Keeps(styles, active))
        {
            return styles;
        }

        var ordered = new List<MassageStyle>(styles.Count);
        var remaining = new List<MassageStyle>(styles);
        while (remaining.Count > 0)
        {
            var placed = false;
            foreach (var candidate in remaining)
            {
                ordered.Add(candidate);
                var rest = remaining.Where(s => s != candidate).ToList();
                if (CanComplete(ordered, rest, active))
                {
                    remaining = rest;
                    placed = true;
                    break;
                }

                ordered.RemoveAt(ordered.Count - 1);
            }

            if (!placed)
            {
                return null;
            }
        }

        return ordered;
    }

    private static bool IsVoid(Placement placement, List<MassageStyle> styles) => placement.Kind switch
    {
        PlacementKind.First => !placement.Styles.Any(styles.Contains),
        PlacementKind.InTop => !styles.Contains(placement.Styles[0]),
        _ => !styles.Contains(placement.Styles[0]) || !styles.Contains(placement.Other!.Value),
    };

    private static bool CanComplete(List<MassageStyle> prefix, List<MassageStyle> rest, List<Placement> placements)
    {
        if (rest.Count == 0)
        {
            return Keeps(prefix, placements);
        }

        foreach (var next in rest)
        {
            prefix.Add(next);
            var ok = CanComplete(prefix, rest.Where(s => s != next).ToList(), placements);
            prefix.RemoveAt(prefix.Count - 1);
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Keeps(List<MassageStyle> order, List<Placement> placements) =>
        placements.All(p => Keeps(order, p));

    private static bool Keeps(List<MassageStyle> order, Placement placement) => placement.Kind switch
    {
        PlacementKind.First => placement.Styles.Contains(order[0]),
        PlacementKind.InTop => order.IndexOf(placement.Styles[0]) < placement.N,
        _ => order.IndexOf(placement.Styles[0]) < order.IndexOf(placement.Other!.Value),
    };
}
