using System.Numerics;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Orders the candidate styles by score, then keeps every placement: of all orders that keep them,
/// the one closest to the score order (the best-scoring style that can go first goes first, and so on).
/// Then raises the shown scores where a placement moved a style above one that scored higher.
/// </summary>
internal static class Ranking
{
    /// <summary>How much more than the style below a raised style shows when the style order would put the one below first.</summary>
    /// <remarks>One point: the smallest step of the default rule set's whole-point scores, and readable where scores have decimals.</remarks>
    private const double RaiseStep = 1;

    /// <summary>Orders <paramref name="styles"/> (given best score first); returns null when no order keeps every placement.</summary>
    public static List<MassageStyle>? Order(List<MassageStyle> styles, IReadOnlyList<Placement> placements)
    {
        // Indexed loops rather than LINQ or foreach (a boxed enumerator): this runs once per advice, and
        // most advices keep their placements in score order, so the placements in force are listed only
        // when the search below needs them.
        var keeps = true;
        for (var i = 0; i < placements.Count && keeps; i++)
        {
            keeps = IsVoid(placements[i], styles) || Keeps(styles, placements[i]);
        }

        if (keeps)
        {
            return styles;
        }

        var active = new List<Placement>(placements.Count);
        for (var i = 0; i < placements.Count; i++)
        {
            if (!IsVoid(placements[i], styles))
            {
                active.Add(placements[i]);
            }
        }

        // The styles still to place are bits over their positions in styles, tried in that order as
        // the score order has them; no list is built per try (this search runs for every advice a
        // placement reorders).
        var ordered = new List<MassageStyle>(styles.Count);
        var remaining = (1 << styles.Count) - 1;
        while (remaining != 0)
        {
            var placed = false;
            for (var bits = remaining; bits != 0; bits &= bits - 1)
            {
                var position = BitOperations.TrailingZeroCount(bits);
                ordered.Add(styles[position]);
                var rest = remaining & ~(1 << position);
                if (CanComplete(ordered, styles, rest, active))
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

    /// <summary>
    /// The scores to show for <paramref name="order"/> (CONTRACT.md, style advice; GUIDANCE invariant 7):
    /// each style's own score, raised just enough that sorting by shown score, higher first and ties
    /// in style order, gives <paramref name="order"/>, so a consumer that re-sorts by score keeps
    /// every placement.
    /// </summary>
    /// <remarks>
    /// Filled from the last rank up, each style showing at least what beats the one shown below it:
    /// that score itself when the style order puts this style first, else <see cref="RaiseStep"/> more.
    /// Only a style a placement moved up is raised, and a style above it only where the moved style
    /// now shows more than it; in the score order nothing changes.
    /// </remarks>
    /// <param name="order">The styles in rank order.</param>
    /// <param name="scores">Each style's own score, at the style's value.</param>
    /// <param name="shown">Gets the score to show at each rank; as long as <paramref name="order"/>.</param>
    public static void ShownScores(List<MassageStyle> order, ReadOnlySpan<double> scores, Span<double> shown)
    {
        for (var i = order.Count - 1; i >= 0; i--)
        {
            shown[i] = scores[(int)order[i]];
            if (i + 1 < order.Count)
            {
                var beatsBelow = order[i] < order[i + 1] ? shown[i + 1] : shown[i + 1] + RaiseStep;
                shown[i] = Math.Max(shown[i], beatsBelow);
            }
        }
    }

    private static bool IsVoid(Placement placement, List<MassageStyle> styles) => placement.Kind switch
    {
        PlacementKind.First => !ContainsAny(styles, placement.Styles),
        PlacementKind.InTop => !styles.Contains(placement.Styles[0]),
        _ => !styles.Contains(placement.Styles[0]) || !styles.Contains(placement.Other!.Value),
    };

    /// <summary>Whether <paramref name="prefix"/> followed by some order of the styles at the positions in <paramref name="rest"/> keeps every placement.</summary>
    private static bool CanComplete(List<MassageStyle> prefix, List<MassageStyle> styles, int rest, List<Placement> placements)
    {
        if (rest == 0)
        {
            return Keeps(prefix, placements);
        }

        for (var bits = rest; bits != 0; bits &= bits - 1)
        {
            var position = BitOperations.TrailingZeroCount(bits);
            prefix.Add(styles[position]);
            var ok = CanComplete(prefix, styles, rest & ~(1 << position), placements);
            prefix.RemoveAt(prefix.Count - 1);
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(List<MassageStyle> styles, IReadOnlyList<MassageStyle> any)
    {
        for (var i = 0; i < any.Count; i++)
        {
            if (styles.Contains(any[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Keeps(List<MassageStyle> order, List<Placement> placements)
    {
        foreach (var placement in placements)
        {
            if (!Keeps(order, placement))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Keeps(List<MassageStyle> order, Placement placement) => placement.Kind switch
    {
        PlacementKind.First => placement.Styles.Contains(order[0]),
        PlacementKind.InTop => order.IndexOf(placement.Styles[0]) < placement.N,
        _ => order.IndexOf(placement.Styles[0]) < order.IndexOf(placement.Other!.Value),
    };
}
