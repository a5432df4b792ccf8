using System.Runtime.CompilerServices;

namespace SciaticaAdvisor.Serialization;

/// <summary>
/// The compact JSON of immutable values written again and again (a rule set's strings: rationales,
/// reasons, goals, rule ids and names; a plan; a rule set's description), kept by reference so that
/// writing one again is a copy of its bytes, not a transcoding and an escaping check of its text.
/// </summary>
/// <remarks>
/// <para>
/// Keyed by reference, never by content: an advice's rule-set strings are the loaded rule set's own
/// instances, and strings and the contract's records are immutable, so the same instance always
/// encodes to the same bytes. A value another instance holds (a rationale joined for one advice) is
/// encoded as before. What is kept never changes what is written, only how fast.
/// </para>
/// <para>
/// Bounded: <see cref="Entries"/> values in sets of two, each at most <see cref="MaxBytes"/>. A value
/// is kept the third time it is written: until then it leaves only its identity hash and a count, so
/// the strings made for one advice (joined rationales) neither take a place nor are kept alive, not
/// even those of an advice <c>batch</c> writes twice before its memo copies it. A rule set's strings
/// are written thousands of times. When both places of a set are taken, the newcomer takes one not
/// copied from since it was kept; if both were, one is spared for next time and the newcomer is not
/// kept (a clock: values that churn, such as the joined strings of many cached advices written again
/// and again, replace one another, not the rule set's). Thread-safe without locks; races decide only
/// what is kept.
/// </para>
/// </remarks>
internal sealed class EncodedFragments
{
    /// <summary>The values kept at most (a power of two).</summary>
    public const int Entries = 2048;

    /// <summary>The longest JSON kept for one value; at most <see cref="Entries"/> × this is held (2 MB), in practice under 100 KB.</summary>
    public const int MaxBytes = 1024;

    /// <summary>How many times a value is written before its JSON is kept.</summary>
    public const int Sightings = 3;

    private readonly Entry?[] _entries = new Entry?[Entries];

    /// <summary>Per slot, the identity hash of the last value seen there (high half) and how often it was seen (low half).</summary>
    private readonly long[] _marks = new long[Entries * 4];

    /// <summary>The fragments every writer in the process shares.</summary>
    public static EncodedFragments Shared { get; } = new();

    /// <summary>The value's JSON, when it is kept.</summary>
    public bool TryGet(object value, int hash, out byte[] json)
    {
        var set = SetOf(hash);
        if (Volatile.Read(ref _entries[set]) is { } first && ReferenceEquals(first.Value, value))
        {
            json = first.Used();
            return true;
        }

        if (Volatile.Read(ref _entries[set + 1]) is { } second && ReferenceEquals(second.Value, value))
        {
            json = second.Used();
            return true;
        }

        json = null!;
        return false;
    }

    /// <summary>Offers a value's JSON, just written: kept once the value has been written <see cref="Sightings"/> times, if it is short enough.</summary>
    public void Offer(object value, int hash, ReadOnlySpan<byte> json)
    {
        ref var mark = ref _marks[hash & (_marks.Length - 1)];
        var seen = Volatile.Read(ref mark);
        if ((int)(seen >> 32) != hash)
        {
            Volatile.Write(ref mark, ((long)hash << 32) | 1);
            return;
        }

        if ((int)seen < Sightings - 1)
        {
            Volatile.Write(ref mark, seen + 1);
            return;
        }

        if (json.Length > MaxBytes)
        {
            return;
        }

        // A free place, else one not copied from since it was kept or last spared; a place copied
        // from is spared once (its mark cleared), so a rule set's strings outlast values that churn.
        var set = SetOf(hash);
        var first = Volatile.Read(ref _entries[set]);
        var second = Volatile.Read(ref _entries[set + 1]);
        int way;
        if (first is null || second is null)
        {
            way = first is null ? set : set + 1;
        }
        else if (!first.WasUsed || !second.WasUsed)
        {
            way = !first.WasUsed ? set : set + 1;
        }
        else
        {
            (((hash >> 16) & 1) == 0 ? first : second).Spare();
            return;
        }

        Volatile.Write(ref _entries[way], new Entry(value, json.ToArray()));
    }

    /// <summary>The identity hash the other members take.</summary>
    public static int HashOf(object value) => RuntimeHelpers.GetHashCode(value);

    private static int SetOf(int hash) => (hash & ((Entries >> 1) - 1)) << 1;

    /// <summary>A kept value and its JSON; <see cref="WasUsed"/> says whether it was copied since it was kept or last spared (set without a lock: a hint).</summary>
    private sealed class Entry(object value, byte[] json)
    {
        private bool _used;

        public object Value { get; } = value;

        public bool WasUsed => _used;

        /// <summary>The JSON, marking the entry used; the mark is written only when it changes, so hot entries stay read-only.</summary>
        public byte[] Used()
        {
            if (!_used)
            {
                _used = true;
            }

            return json;
        }

        public void Spare() => _used = false;
    }
}
