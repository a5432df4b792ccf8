using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// A variant whose rules fire on every profile as an earlier variant's (its leader's) do, so its rows
/// are the leader's fired rules replayed under its own settings rather than matched by the engine again.
/// </summary>
/// <remarks>
/// <para>
/// Why it holds. A rule's condition tests the profile and the facts other rules asserted (derived facts,
/// avoided styles), never a setting: settings (<c>cautionPenalty</c>, a style's pressure and focus) enter
/// only the actions' effect on the advice and its assembly. So two variants with the same rules fire the
/// same rules in the same order on every profile whatever their settings. A variant that also disables
/// some of the leader's rules fires the leader's rules without those, provided none of them asserts a
/// fact (derives one or avoids a style): a rule that asserts nothing activates no other rule, and the
/// others keep their order, as the engine orders them by priority and then file order.
/// </para>
/// <para>
/// When the variants are linked: the same rule files, byte for byte (their hashes), in the same order, and
/// the follower's rules the leader's in the same order, less only rules that assert no fact. The leader is
/// the first such earlier variant that follows no other. A profile the leader faults on is advised by the
/// follower's own advisor; a replayed advice that faults is, too (<see cref="Rules.Inspection.RuleSetInspection.Replay"/>),
/// so every row is what the follower's advisor gives (a test compares every row with independent advisors).
/// </para>
/// </remarks>
/// <param name="Leader">The index of the variant whose fired rules are replayed.</param>
/// <param name="Kept">The leader's rules this variant has, or <see langword="null"/> when it has them all.</param>
internal sealed record VariantReplay(int Leader, FrozenSet<string>? Kept)
{
    /// <summary>The variants, each linked to the earlier variant it can replay, when there is one.</summary>
    public static ImmutableArray<CompiledVariant> Link(IReadOnlyList<CompiledVariant> variants)
    {
        var linked = new CompiledVariant[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            linked[v] = variants[v];
            for (var u = 0; u < v; u++)
            {
                if (linked[u].Replays is null && Of(u, linked[u], variants[v]) is { } replay)
                {
                    linked[v] = variants[v] with { Replays = replay };
                    break;
                }
            }
        }

        return [.. linked];
    }

    /// <summary>How <paramref name="follower"/> replays <paramref name="leader"/>, or <see langword="null"/> when it cannot.</summary>
    private static VariantReplay? Of(int index, CompiledVariant leader, CompiledVariant follower)
    {
        if (leader.FileLayers.IsEmpty || !leader.FileLayers.SequenceEqual(follower.FileLayers, StringComparer.Ordinal))
        {
            return null;
        }

        var led = leader.Inspection.Rules;
        var own = follower.Inspection.Rules;
        var next = 0;
        foreach (var rule in led)
        {
            if (next < own.Length && own[next].Info.Id == rule.Info.Id)
            {
                next++;
            }
            else if (!rule.DerivedFacts.IsEmpty || !rule.AvoidedStyles.IsEmpty)
            {
                // The follower lacks a rule that asserts a fact: without it other rules may fire or not.
                return null;
            }
        }

        if (next < own.Length)
        {
            return null;
        }

        return new VariantReplay(index, own.Length == led.Length ? null : own.Select(r => r.Info.Id).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Advises a chunk under the follower: the leader's fired rules (those the follower has) replayed
    /// under the follower's settings, or, where the leader faulted, the follower's own advice. A fault
    /// gets the message <see cref="Advisor.Advise"/> throws for it, as <see cref="StudyRun.AdviseChunk"/> gives it.
    /// </summary>
    public void AdviseChunk(CompiledVariant follower, ReadOnlySpan<SymptomProfile> profiles, ReadOnlySpan<MassageAdvice?> led, Span<MassageAdvice?> advice, Span<string?> faults)
    {
        var fired = ArrayPool<string>.Shared.Rent(follower.Advisor.Rules.Length);
        try
        {
            for (var i = 0; i < profiles.Length; i++)
            {
                try
                {
                    if (led[i] is not { } leaderAdvice)
                    {
                        advice[i] = follower.Advisor.Advise(profiles[i]);
                        continue;
                    }

                    var count = 0;
                    foreach (var entry in leaderAdvice.Trace)
                    {
                        if (Kept is null || Kept.Contains(entry.RuleId))
                        {
                            fired[count++] = entry.RuleId;
                        }
                    }

                    advice[i] = follower.Inspection.Replay(profiles[i], fired.AsSpan(0, count));
                }
                catch (RuleSetFaultException ex)
                {
                    faults[i] = ex.Message;
                }
            }
        }
        finally
        {
            ArrayPool<string>.Shared.Return(fired, clearArray: true);
        }
    }
}
