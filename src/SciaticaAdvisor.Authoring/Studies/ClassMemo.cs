using System.Collections.Concurrent;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The rows' advice cells of the input classes a study has advised, per group of variants (a variant and
/// those that replay its fired rules): a profile of a class seen before takes its class's cells under
/// every variant of the group without being advised again.
/// </summary>
/// <remarks>
/// <para>
/// Exact: the group's first variant gives every profile of one of its input classes
/// (<see cref="Rules.Inspection.RuleSetInspection.InputClassOf"/>) byte-identical advice, or the same
/// fault; and a variant that replays it fires, on every profile of that class, the same rules (its fired
/// rules less those the variant lacks) and reads the same fields in its assembly and invariant check, so
/// its advice or fault is the same for the whole class too.
/// </para>
/// <para>
/// Bounded: the first <see cref="StudyRunOptions.ClassesKept"/> classes are kept, and then no more, as the
/// advice cache keeps what it has. Measured on the 1,000,000 sampled profiles of the throughput study
/// (233,363 classes): the first 16,384 classes hold 45 % of the profiles after their first sighting, the
/// first 32,768 58 %, the first 65,536 68 % (76.7 % at most), at about 400 bytes a class for three variants.
/// </para>
/// </remarks>
internal sealed class ClassMemo(int capacity)
{
    private readonly ConcurrentDictionary<long, AdviceCells[]> _classes = new();

    // ConcurrentDictionary.Count takes every lock; a counter of our own is checked on every miss.
    private int _count;

    /// <summary>Whether any class is kept at all; when not, a profile's class need not be found.</summary>
    public bool Keeps => capacity > 0;

    /// <summary>The cells of the class under each variant of the group, in the group's order.</summary>
    public bool TryGet(long key, out AdviceCells[] cells) => _classes.TryGetValue(key, out cells!);

    /// <summary>Keeps a class's cells while there is room.</summary>
    public void Add(long key, AdviceCells[] cells)
    {
        if (Volatile.Read(ref _count) < capacity && _classes.TryAdd(key, cells))
        {
            Interlocked.Increment(ref _count);
        }
    }
}

/// <summary>A variant that replays no other (<see cref="Head"/>) and the variants that replay it, in study order, the head first.</summary>
internal sealed record VariantGroup(int Head, int[] Members, ClassMemo Memo)
{
    /// <summary>The groups of a study's variants: every variant is in exactly one.</summary>
    public static VariantGroup[] Of(IReadOnlyList<CompiledVariant> variants, int capacity) =>
        [.. Enumerable.Range(0, variants.Count)
            .Where(v => variants[v].Replays is null)
            .Select(head => new VariantGroup(head, [head, .. Enumerable.Range(0, variants.Count).Where(v => variants[v].Replays?.Leader == head)], new ClassMemo(capacity)))];
}
