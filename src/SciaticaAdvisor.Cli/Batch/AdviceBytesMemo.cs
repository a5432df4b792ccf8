using System.Buffers;
using System.Runtime.CompilerServices;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// Remembers the UTF-8 JSON of the advices <c>batch</c> writes again and again, so that writing one
/// of them is a copy of its bytes rather than a serialization.
/// </summary>
/// <remarks>
/// <para>
/// Keyed by reference: the advisor's exact cache answers every profile of a cached input class with
/// the same <see cref="MassageAdvice"/> instance, and an advice is immutable, so the same instance
/// always serializes to the same bytes. Nothing about the advice's content is compared or assumed;
/// an advice the memo has not seen, or one equal to a remembered one but another instance, is
/// serialized as before. The output is byte for byte what serializing every advice gives.
/// </para>
/// <para>
/// Bounded: <see cref="Slots"/> entries in sets of two (the advice's identity hash picks the set), at
/// most <see cref="MaxBytes"/> of JSON in all and <see cref="MaxEntryBytes"/> for one advice. An
/// advice is remembered the second time it is written, not the first: most advices of a sampled
/// population are written once (their class is replayed, not cached whole, and every replay is a new
/// instance), and remembering those would only push out the ones that come back. A first sighting
/// leaves the advice's identity hash in a table of marks four times as large, never a reference, so
/// a one-off advice is not kept alive. An advice seen twice takes the way of its set that was copied
/// less often (whose count is then halved, so an entry that stops coming back ages out); the bytes
/// are reserved before an entry goes in, so the bound holds whatever the other threads do.
/// </para>
/// <para>Thread-safe and lock-free: the advising threads of a batch share one memo. Races only decide what is remembered, never which bytes are written.</para>
/// </remarks>
internal sealed class AdviceBytesMemo
{
    /// <summary>The entries at most (a power of two).</summary>
    public const int Slots = 4096;

    /// <summary>
    /// The most JSON kept in all: ~900 advices at ~4.5 KB each. At 8 MiB (~1,900 advices) the memo
    /// copied 169,225 of a million sampled profiles' advices against 115,884, but the run peaked 12 MB
    /// higher (165 against 153 MB, under load): its entries, and the ones it replaced, which die in
    /// gen2 (docs/performance.md, "The batch, fifth round").
    /// </summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    /// <summary>The longest advice kept; a longer one (a rule set with very many notes) is always serialized.</summary>
    public const int MaxEntryBytes = 32 * 1024;

    private readonly Entry?[] _entries;
    private readonly int[] _marks;
    private readonly long _maxBytes;
    private readonly int _maxEntryBytes;
    private long _bytes;
    private long _hits;
    private long _misses;

    public AdviceBytesMemo()
        : this(Slots, MaxBytes, MaxEntryBytes)
    {
    }

    /// <summary>A memo of other bounds, for tests.</summary>
    internal AdviceBytesMemo(int slots, long maxBytes, int maxEntryBytes)
    {
        if (slots < 2 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The slots must be a power of two, at least 2.");
        }

        _entries = new Entry?[slots];
        _marks = new int[slots * 4];
        _maxBytes = maxBytes;
        _maxEntryBytes = maxEntryBytes;
    }

    /// <summary>How many bytes of JSON are kept now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many advices are kept now.</summary>
    public int Count => _entries.Count(e => e is not null);

    /// <summary>How many writes were copies.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>How many writes were serializations.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Copies the advice's remembered JSON to <paramref name="output"/>, when the memo has it.</summary>
    /// <returns>Whether it was copied; if not, serialize the advice and <see cref="Offer"/> its bytes.</returns>
    public bool TryCopy(MassageAdvice advice, IBufferWriter<byte> output)
    {
        var way = SetOf(RuntimeHelpers.GetHashCode(advice));
        for (var end = way + 2; way < end; way++)
        {
            if (Volatile.Read(ref _entries[way]) is { } entry && ReferenceEquals(entry.Advice, advice))
            {
                output.Write(entry.Json);
                entry.Copies++; // a count to choose what to replace by, not exact
                Interlocked.Increment(ref _hits);
                return true;
            }
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Offers an advice's JSON, just serialized: remembered if the advice was written before and the bounds allow.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="json">Its compact JSON, exactly as serialized (no line end).</param>
    public void Offer(MassageAdvice advice, ReadOnlySpan<byte> json)
    {
        var hash = RuntimeHelpers.GetHashCode(advice);

        // First sighting: leave a mark, not a reference. Second: remember the bytes.
        ref var mark = ref _marks[hash & (_marks.Length - 1)];
        if (Volatile.Read(ref mark) != hash)
        {
            Volatile.Write(ref mark, hash);
            return;
        }

        if (json.Length > _maxEntryBytes)
        {
            return;
        }

        var set = SetOf(hash);
        var first = Volatile.Read(ref _entries[set]);
        var second = Volatile.Read(ref _entries[set + 1]);
        var way = first is null ? set
            : second is null ? set + 1
            : first.Copies <= second.Copies ? set : set + 1;
        var replaced = way == set ? first : second;
        var kept = way == set ? second : first;

        var growth = json.Length - (replaced?.Json.Length ?? 0);
        if (!Reserve(growth))
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _entries[way], new Entry(advice, json.ToArray()), replaced) != replaced)
        {
            // Another thread changed the place first: give the reservation back.
            Interlocked.Add(ref _bytes, -growth);
            return;
        }

        if (kept is not null)
        {
            kept.Copies /= 2;
        }
    }

    /// <summary>The first of the two entries of the hash's set.</summary>
    private int SetOf(int hash) => (hash & ((_entries.Length >> 1) - 1)) << 1;

    /// <summary>Counts the bytes in, unless they would pass the bound.</summary>
    private bool Reserve(int length)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _bytes);
            if (current + length > _maxBytes)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _bytes, current + length, current) != current);

        return true;
    }

    /// <summary>A remembered advice and its JSON; <see cref="Copies"/> is how often it was copied, roughly (updated without a lock).</summary>
    private sealed class Entry(MassageAdvice advice, byte[] json)
    {
        public MassageAdvice Advice { get; } = advice;

        public byte[] Json { get; } = json;

        public int Copies { get; set; }
    }
}
