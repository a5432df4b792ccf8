using System.Collections.Concurrent;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// What the engine decided for each input class (see <see cref="ProfileClassifier"/>), in two tiers:
/// the rules that fired, in firing order, for up to <c>16 × capacity</c> classes (a few dozen bytes
/// each), and the whole advice for up to <c>capacity</c> of them (a few kilobytes each).
/// </summary>
/// <remarks>
/// <para>
/// Exact, because every profile of a class makes every rule test come out the same, so the engine
/// fires the same rules in the same order and the advice is byte-identical. A class whose advice is
/// not kept is answered by replaying its rules' actions on a fresh sheet, without the engine: the
/// engine's matching is most of an advice's cost, and a sampled intake holds far more classes than
/// whole advices fit in memory (1,000,000 sampled profiles: 233,363 classes).
/// </para>
/// <para>
/// Bounded: when full it keeps what it has. Emptying it instead made a stream of mostly distinct
/// classes slower than no cache at all (measured: 22,800 against 29,300 advices/s at 8,192 entries
/// over 200,000 sampled profiles). Thread-safe; advice is immutable, so one instance answers many callers.
/// </para>
/// </remarks>
internal sealed class AdviceCache(ProfileClassifier classifier, int capacity)
{
    /// <summary>How many more classes keep their fired rules than keep their whole advice.</summary>
    public const int FiringsPerAdvice = 16;

    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly int _firingCapacity = capacity > int.MaxValue / FiringsPerAdvice ? int.MaxValue : capacity * FiringsPerAdvice;

    // ConcurrentDictionary.Count takes every lock; counters of our own are checked on every miss.
    private int _classes;
    private int _advices;

    public long KeyOf(ProfileFact profile) => classifier.KeyOf(profile);

    /// <summary>The class's entry, if it has one: its fired rules, and its advice when that is kept.</summary>
    public bool TryGet(long key, out Entry entry) => _entries.TryGetValue(key, out entry!);

    /// <summary>Keeps the advice of a class that already has an entry, while there is room.</summary>
    public void Keep(Entry entry, MassageAdvice advice)
    {
        if (entry.Advice is null && Volatile.Read(ref _advices) < capacity && Interlocked.Increment(ref _advices) <= capacity)
        {
            entry.Advice = advice;
        }
    }

    /// <summary>Adds a class the engine has just advised: its fired rules, and its advice while there is room.</summary>
    public void Add(long key, ushort[] fired, MassageAdvice advice)
    {
        if (Volatile.Read(ref _classes) >= _firingCapacity)
        {
            return;
        }

        var entry = new Entry(fired);
        if (_entries.TryAdd(key, entry))
        {
            Interlocked.Increment(ref _classes);
            Keep(entry, advice);
        }
    }

    /// <summary>One class: the indexes of the rules that fired, in order, and maybe its advice.</summary>
    internal sealed class Entry(ushort[] fired)
    {
        private MassageAdvice? _advice;

        public ushort[] Fired { get; } = fired;

        public MassageAdvice? Advice
        {
            get => Volatile.Read(ref _advice);
            set => Volatile.Write(ref _advice, value);
        }
    }
}
