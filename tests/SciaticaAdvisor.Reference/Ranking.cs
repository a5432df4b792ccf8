using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Reference;

/// <summary>Orders the advised styles: by score, then moved as little as the placements require.</summary>
internal static class Ranking
{
    /// <summary>
    /// Sorts by score (ties in <see cref="MassageStyle"/> order), drops void placements, then fills
    /// the ranks greedily: each rank takes the best-scoring remaining style with which every
    /// placement can still be kept. That is the order closest to the score order among all orders
    /// that keep the placements (rule-language.md, "How the advice is assembled", step 3).
    /// </summary>
    /// <exception cref="InvalidOperationException">No order keeps every placement: GUIDANCE contradicts itself for this profile.</exception>
    public static List<StyleDraft> Order(IReadOnlyCollection<StyleDraft> advised, IEnumerable<Placement> placements)
    {
        var byScore = advised
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Style)
            .ToList();
        var styles = byScore.Select(s => s.Style).ToList();
        var binding = placements.Where(p => !p.IsVoid(styles)).ToList();
        if (binding.TrueForAll(p => p.IsKeptBy(styles)))
        {
            // The greedy fill would take the score order unchanged; skip the search.
            return byScore;
        }

        var order = new List<StyleDraft>(byScore.Count);
        var remaining = new List<StyleDraft>(byScore);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(candidate =>
                CanComplete([.. order.Select(s => s.Style), candidate.Style], [.. remaining.Where(s => s != candidate).Select(s => s.Style)], binding))
                ?? throw new InvalidOperationException(
                    $"No order of {string.Join(", ", styles)} keeps every placement: {string.Join("; ", binding)}.");
            order.Add(next);
            remaining.Remove(next);
        }

        return order;
    }

    /// <summary>
    /// The scores to show in <paramref name="order"/> (CONTRACT.md, style advice): re-sorting by them,
    /// higher first and ties in <see cref="MassageStyle"/> order, gives the order back. Where a style
    /// would sort below the one ranked right after it, it is raised to the least score that sorts it
    /// above: the same score when it comes first in style order, else one point more; repeated until
    /// no pair is out of order, so only what a placement moved up (and what must stay above it) rises.
    /// </summary>
    public static double[] ShownScores(IReadOnlyList<StyleDraft> order)
    {
        var shown = order.Select(s => s.Score).ToArray();
        var raised = true;
        while (raised)
        {
            raised = false;
            for (var i = 0; i + 1 < shown.Length; i++)
            {
                var least = order[i].Style < order[i + 1].Style ? shown[i + 1] : shown[i + 1] + 1;
                if (shown[i] < least)
                {
                    shown[i] = least;
                    raised = true;
                }
            }
        }

        return shown;
    }

    /// <summary>Whether some arrangement of <paramref name="rest"/> after <paramref name="prefix"/> keeps every placement.</summary>
    private static bool CanComplete(List<MassageStyle> prefix, List<MassageStyle> rest, List<Placement> placements)
    {
        if (rest.Count == 0)
        {
            return placements.TrueForAll(p => p.IsKeptBy(prefix));
        }

        for (var i = 0; i < rest.Count; i++)
        {
            var style = rest[i];
            prefix.Add(style);
            rest.RemoveAt(i);
            var kept = CanComplete(prefix, rest, placements);
            rest.Insert(i, style);
            prefix.RemoveAt(prefix.Count - 1);
            if (kept)
            {
                return true;
            }
        }

        return false;
    }
}
