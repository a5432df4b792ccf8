using System.Collections.Immutable;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The rule ids of a group of variants (<see cref="VariantGroup"/>), each numbered by its place in the
/// group's first variant: a follower's rules are that variant's less some (<see cref="VariantReplay"/>), so
/// one numbering serves every variant of the group.
/// </summary>
/// <remarks>Why numbers: a kept class's fired rules take 2 bytes a rule rather than a reference to an id (8).</remarks>
internal sealed class RuleIds
{
    private readonly Dictionary<string, ushort> _indexes;

    public RuleIds(IReadOnlyList<string> ids)
    {
        if (ids.Count > ushort.MaxValue)
        {
            throw new StudyException([new StudyError("", 0, 0, $"a variant has {ids.Count} rules; a study numbers at most {ushort.MaxValue}")]);
        }

        Names = [.. ids];
        _indexes = new Dictionary<string, ushort>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            _indexes.Add(ids[i], (ushort)i);
        }
    }

    /// <summary>The ids, by number.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Writes the numbers of the trace's rules, in firing order, into <paramref name="into"/>; returns how many.</summary>
    /// <exception cref="InvalidOperationException">A rule is not one of the group's: the variants were linked wrongly.</exception>
    public int Number(ImmutableArray<TraceEntry> trace, Span<ushort> into)
    {
        for (var i = 0; i < trace.Length; i++)
        {
            into[i] = _indexes.TryGetValue(trace[i].RuleId, out var index)
                ? index
                : throw new InvalidOperationException($"the rule '{trace[i].RuleId}' is not one of its variant group's");
        }

        return trace.Length;
    }
}

/// <summary>The rules that fired for a row's advice, in firing order, as numbers of its group's <see cref="RuleIds"/>.</summary>
/// <remarks>
/// The numbers are a slice of memory that lives as long as the cells that hold it: a kept class's in the
/// memo (<see cref="ClassMemo"/>), anyone else's in an array of its own.
/// </remarks>
internal readonly record struct FiredRules(RuleIds Ids, ReadOnlyMemory<ushort> Numbers)
{
    /// <summary>Whether both list the same rules in the same order.</summary>
    public bool SameAs(ReadOnlySpan<ushort> numbers) => Numbers.Span.SequenceEqual(numbers);

    /// <summary>The ids joined with <c>;</c>, as a string (for CSV, which writes a row at a time).</summary>
    public string Text()
    {
        var numbers = Numbers.Span;
        var names = new string[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            names[i] = Ids.Names[numbers[i]];
        }

        return string.Join(';', names);
    }

    /// <summary>The ids joined with <c>;</c>, written straight into <paramref name="arena"/>.</summary>
    public ReadOnlyMemory<char> Join(TextArena arena)
    {
        var numbers = Numbers.Span;
        var names = Ids.Names.AsSpan();
        var length = Math.Max(0, numbers.Length - 1);
        foreach (var number in numbers)
        {
            length += names[number].Length;
        }

        var slice = arena.Take(length);
        var span = slice.Span;
        var at = 0;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (i > 0)
            {
                span[at++] = ';';
            }

            var name = names[numbers[i]];
            name.CopyTo(span[at..]);
            at += name.Length;
        }

        return slice;
    }
}
