using System.Numerics;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// The store behind <see cref="AdviceCache"/>: for each input class's key, the indexes of the rules
/// it fired and, for the first classes, its whole advice, found with one probe.
/// </summary>
/// <remarks>
/// <para>
/// Why not two <c>ConcurrentDictionary</c>s, as before: a class seen again was two lookups (its fired
/// rules, then whether its advice was kept), each through a bucket array to a node object, 3.7–5% of
/// a sampled batch's CPU samples; and each of up to 262,144 classes left a node and an array for the
/// collector to promote. Here the slots and the fired rules hold no references at all, so no
/// collection scans or moves them: a first try that kept one array of references per slot doubled
/// the batch's collection pauses (2.2 against 1.2 s a million), as every slot written left a card
/// for the next collection to scan.
/// </para>
/// <para>
/// The slots: open addressing with linear probing, at most half full, so a probe always ends at an
/// empty slot. A slot holds the key, where its fired rules start in the pool (segments of
/// <see cref="SegmentLength"/> values: a count, then the indexes) and which kept advice is its own.
/// Bounded: at most <c>classes</c> classes and <c>advices</c> whole advices; when full it keeps what it
/// has (see <see cref="AdviceCache"/> for why). The first entry for a key wins, as <c>TryAdd</c> did.
/// The advices are kept for the first classes added, and both bounds only fill, so an advice replayed
/// later would find no room: none is asked for.
/// </para>
/// <para>
/// Thread-safe: lookups take no lock. Writers take one lock; they write the fired rules, the advice
/// and any new segment or array first, the slot's key next, and its location last, whose release
/// write publishes the rest. Growing fills new arrays and publishes them; a reader still on the old
/// slots sees every class they held. Nothing once written is changed.
/// </para>
/// </remarks>
internal sealed class ClassTable
{
    /// <summary>The values of one segment of the pool of fired rules (128 KB).</summary>
    public const int SegmentLength = 1 << 16;

    private const int InitialSlots = 256;

    /// <summary>The most segments by default: a location (segment, offset, plus one) must fit an <see cref="int"/>.</summary>
    public const int MaxSegments = (1 << 15) - 1;

    /// <summary>The largest array of slots: past it the table stops taking classes.</summary>
    private const int MaxSlots = 1 << 30;

    private readonly int _classCapacity;
    private readonly int _adviceCapacity;
    private readonly int _maxSegments;
    private readonly Lock _gate = new();
    private Slot[] _slots = new Slot[InitialSlots];
    private ushort[][] _segments = [];
    private MassageAdvice[] _advices = [];
    private int _used = SegmentLength; // of the last segment: full, so the first class opens one
    private int _classes;
    private int _adviceCount;

    /// <param name="classes">How many classes' fired rules are kept at most.</param>
    /// <param name="advices">How many whole advices are kept at most.</param>
    public ClassTable(int classes, int advices)
        : this(classes, advices, MaxSegments)
    {
    }

    /// <summary>A table of fewer segments at most, for tests.</summary>
    internal ClassTable(int classes, int advices, int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classes);
        ArgumentOutOfRangeException.ThrowIfNegative(advices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSegments, MaxSegments);
        _classCapacity = classes;
        _adviceCapacity = advices;
        _maxSegments = maxSegments;
    }

    /// <summary>How many classes are kept.</summary>
    public int Classes => Volatile.Read(ref _classes);

    /// <summary>How many of them keep their whole advice.</summary>
    public int Advices => Volatile.Read(ref _adviceCount);

    /// <summary>Finds a class.</summary>
    /// <param name="key">The class's key.</param>
    /// <param name="fired">The indexes of the rules it fired, in firing order.</param>
    /// <param name="advice">Its whole advice, when that is kept; else null.</param>
    /// <returns>Whether the class is kept.</returns>
    public bool TryGet(long key, out ReadOnlySpan<ushort> fired, out MassageAdvice? advice)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = IndexOf(key, mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            var location = Volatile.Read(ref slot.Fired);
            if (location == 0)
            {
                fired = default;
                advice = null;
                return false;
            }

            if (slot.Key == key)
            {
                var segment = Volatile.Read(ref _segments)[(location - 1) >> 16];
                var start = (location - 1) & (SegmentLength - 1);
                fired = new ReadOnlySpan<ushort>(segment, start + 1, segment[start]);
                advice = slot.Advice == 0 ? null : Volatile.Read(ref _advices)[slot.Advice - 1];
                return true;
            }
        }
    }

    /// <summary>Keeps a class's fired rules, and its advice while there is room; nothing if the class is kept already or the table is full.</summary>
    public void Add(long key, ReadOnlySpan<ushort> fired, MassageAdvice advice)
    {
        if (Volatile.Read(ref _classes) >= _classCapacity || fired.Length >= SegmentLength)
        {
            return;
        }

        lock (_gate)
        {
            if (_classes >= _classCapacity || _slots[Find(_slots, key)].Fired != 0 || !Fits(fired) || !Room())
            {
                return;
            }

            // Room() may have grown the slots: the key's place is looked up in the ones kept.
            var slots = _slots;
            var i = Find(slots, key);
            var location = Store(fired);
            var kept = 0;
            if (_adviceCount < _adviceCapacity)
            {
                kept = Keep(advice);
            }

            slots[i].Key = key;
            slots[i].Advice = kept;
            Volatile.Write(ref slots[i].Fired, location);
            Volatile.Write(ref _classes, _classes + 1);
        }
    }

    /// <summary>Whether the fired rules fit the last segment, or a new one may be opened for them.</summary>
    private bool Fits(ReadOnlySpan<ushort> fired) => _used + fired.Length + 1 <= SegmentLength || _segments.Length < _maxSegments;

    /// <summary>Copies the fired rules into the pool, opening a segment when the last is full (<see cref="Fits"/> said one may be).</summary>
    /// <returns>Their location, plus one (so 0 is an empty slot).</returns>
    private int Store(ReadOnlySpan<ushort> fired)
    {
        if (_used + fired.Length + 1 > SegmentLength)
        {
            ushort[][] segments = [.. _segments, new ushort[SegmentLength]];
            Volatile.Write(ref _segments, segments);
            _used = 0;
        }

        var segment = _segments[^1];
        var start = _used;
        segment[start] = (ushort)fired.Length;
        fired.CopyTo(segment.AsSpan(start + 1));
        _used += fired.Length + 1;
        return (((_segments.Length - 1) << 16) | start) + 1;
    }

    /// <summary>Keeps the advice in the array of kept advices, growing it when full.</summary>
    /// <returns>Its place, plus one.</returns>
    private int Keep(MassageAdvice advice)
    {
        var advices = _advices;
        if (_adviceCount == advices.Length)
        {
            var grown = new MassageAdvice[Math.Min(_adviceCapacity, Math.Max(16, advices.Length * 2))];
            advices.CopyTo(grown, 0);
            Volatile.Write(ref _advices, grown);
            advices = grown;
        }

        advices[_adviceCount] = advice;
        Volatile.Write(ref _adviceCount, _adviceCount + 1);
        return _adviceCount;
    }

    /// <summary>The slot holding the key, or the empty slot where it would go.</summary>
    private static int Find(Slot[] slots, long key)
    {
        var mask = slots.Length - 1;
        var i = IndexOf(key, mask);
        while (slots[i].Fired != 0 && slots[i].Key != key)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    /// <summary>Makes room for one more class, growing the slots so they stay at most half full; false when they cannot grow.</summary>
    private bool Room()
    {
        var slots = _slots;
        if ((long)(_classes + 1) * 2 <= slots.Length)
        {
            return true;
        }

        if (slots.Length >= MaxSlots)
        {
            return false;
        }

        var grown = new Slot[slots.Length * 2];
        foreach (var slot in slots)
        {
            if (slot.Fired != 0)
            {
                grown[Find(grown, slot.Key)] = slot;
            }
        }

        Volatile.Write(ref _slots, grown);
        return true;
    }

    /// <summary>
    /// The first slot to probe: the top bits of the key times 2^64/φ (Fibonacci hashing), which every
    /// bit of the key reaches. Class keys are mixed-radix numbers: a power-of-two radix puts a field in
    /// bits of its own, high ones included, so no bit of the key may be left out.
    /// </summary>
    internal static int IndexOf(long key, int mask) =>
        (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.TrailingZeroCount(mask + 1)));

    /// <summary>One class: no references, so the collector never looks inside the array.</summary>
    private struct Slot
    {
        public long Key;

        /// <summary>Where the fired rules start (segment in the high bits, offset in the low 16), plus one; 0 when the slot is empty.</summary>
        public int Fired;

        /// <summary>The place of the kept advice, plus one; 0 when none is kept.</summary>
        public int Advice;
    }
}
