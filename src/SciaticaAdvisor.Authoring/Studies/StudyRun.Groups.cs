using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>How a run advises a chunk under one group of variants: the memo of classes first, then each class of the chunk once.</summary>
internal sealed partial class StudyRun
{
    /// <summary>
    /// A chunk's cells under one group of variants: a profile whose input class the group has kept takes
    /// its class's cells, and so does a profile whose class an earlier profile of the chunk has; the first
    /// profile of each other class is advised, one call a variant (the head's advice first, which the
    /// others replay), and its cells kept for its class while there is room.
    /// </summary>
    private void AdviseGroup(VariantGroup group, ReadOnlySpan<SymptomProfile> profiles, AdviceScratch scratch)
    {
        var variants = _variants;
        var head = variants[group.Head];
        var members = group.Members;
        var memo = group.Memo;
        var kept = scratch.Made.AsSpan(0, members.Length);
        var firstOfClass = scratch.FirstOfClass;
        firstOfClass.Clear();
        var repeats = 0;
        var count = 0;
        for (var i = 0; i < profiles.Length; i++)
        {
            var key = scratch.Keys[i] = memo.Keeps ? head.Inspection.InputClassOf(profiles[i]) : null;
            if (key is { } k)
            {
                if (memo.TryGet(k, kept))
                {
                    for (var m = 0; m < members.Length; m++)
                    {
                        scratch.Cells[members[m]][i] = kept[m];
                    }

                    continue;
                }

                // Advised once a chunk: the class's first profile's cells are every later one's.
                if (firstOfClass.TryGetValue(k, out var first))
                {
                    scratch.Repeats[repeats++] = (i, first);
                    continue;
                }

                firstOfClass.Add(k, i);
            }

            scratch.Missed[count] = i;
            scratch.MissedProfiles[count++] = profiles[i];
        }

        if (count > 0)
        {
            AdviseMissed(group, count, scratch);
        }

        for (var r = 0; r < repeats; r++)
        {
            var (repeat, first) = scratch.Repeats[r];
            foreach (var v in members)
            {
                scratch.Cells[v][repeat] = scratch.Cells[v][first];
            }
        }
    }

    /// <summary>Advises the chunk's profiles that <see cref="AdviseGroup"/> could not answer under every variant of the group, and reads their cells.</summary>
    private void AdviseMissed(VariantGroup group, int count, AdviceScratch scratch)
    {
        var variants = _variants;
        var members = group.Members;
        var missed = scratch.MissedProfiles.AsSpan(0, count);
        var led = scratch.Advice[group.Head].AsSpan(0, count);
        for (var m = 0; m < members.Length; m++)
        {
            var v = members[m];
            var advice = scratch.Advice[v].AsSpan(0, count);
            var faults = scratch.Faults[v].AsSpan(0, count);
            if (m == 0)
            {
                AdviseChunk(variants[v].Advisor, missed, advice, faults);
            }
            else
            {
                // The head comes first, so its advice for these profiles is already there.
                variants[v].Replays!.AdviseChunk(variants[v], missed, led, advice, faults);
            }
        }

        var made = scratch.Made.AsSpan(0, members.Length);
        for (var k = 0; k < count; k++)
        {
            var place = scratch.Missed[k];
            CellsOf(group, k, scratch, made);
            if (scratch.Keys[place] is not { } key || !group.Memo.TryAdd(key, made))
            {
                Own(made);
            }

            for (var m = 0; m < members.Length; m++)
            {
                scratch.Cells[members[m]][place] = made[m];
            }
        }

        // The advice is let go as soon as its cells are read; the next group reuses the slots.
        foreach (var v in members)
        {
            Array.Clear(scratch.Advice[v], 0, count);
            Array.Clear(scratch.Faults[v], 0, count);
        }
    }

    /// <summary>
    /// The cells of the <paramref name="k"/>th advised profile under each variant of the group. Their fired
    /// rules are numbered into the scratch's buffers, and a variant that fired as the one before shares its
    /// numbers; <see cref="ClassMemo.TryAdd"/> or <see cref="Own"/> then copies them before the buffers are reused.
    /// </summary>
    private void CellsOf(VariantGroup group, int k, AdviceScratch scratch, Span<AdviceCells> made)
    {
        FiredRules? before = null;
        for (var m = 0; m < group.Members.Length; m++)
        {
            var v = group.Members[m];
            if (scratch.Advice[v][k] is not { } advice)
            {
                made[m] = AdviceCells.OfFault(scratch.Faults[v][k]!);
                continue;
            }

            var numbers = scratch.Numbers(m, advice.Trace.Length);
            var length = group.Rules.Number(advice.Trace, numbers);
            var fired = before is { } earlier && earlier.SameAs(numbers.AsSpan(0, length))
                ? earlier
                : new FiredRules(group.Rules, numbers.AsMemory(0, length));
            made[m] = AdviceCells.Of(_outcomes.Kept(new AdviceCells.Outcome(advice, _texts)), fired);
            before = fired;
        }
    }

    /// <summary>Gives cells that the memo did not keep fired rules of their own, out of the scratch's buffers (shared ones stay shared).</summary>
    private static void Own(Span<AdviceCells> made)
    {
        for (var m = 0; m < made.Length; m++)
        {
            if (!made[m].Advised || SharesAnEarlier(made, m))
            {
                continue;
            }

            var numbers = made[m].Fired.Numbers;
            var copy = (ReadOnlyMemory<ushort>)numbers.ToArray();
            for (var same = m; same < made.Length; same++)
            {
                if (made[same].Advised && made[same].Fired.Numbers.Equals(numbers))
                {
                    made[same] = made[same].WithFired(copy);
                }
            }
        }
    }

    private static bool SharesAnEarlier(Span<AdviceCells> made, int m)
    {
        for (var earlier = 0; earlier < m; earlier++)
        {
            if (made[earlier].Advised && made[earlier].Fired.Numbers.Equals(made[m].Fired.Numbers))
            {
                return true;
            }
        }

        return false;
    }
}
