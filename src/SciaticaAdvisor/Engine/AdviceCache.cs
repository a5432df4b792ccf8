using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// What the engine decided for each input class (see <see cref="ProfileClassifier"/>), in two tiers:
/// the rules that fired, in firing order, for up to <c>64 × capacity</c> classes (about 100 bytes
/// each), and the whole advice for up to <c>capacity</c> of them (a few kilobytes each).
/// </summary>
/// <remarks>
/// <para>
/// Exact, because every profile of a class makes every rule test come out the same, so the engine
/// fires the same rules in the same order and the advice is byte-identical. A class whose advice is
/// not kept is answered by replaying its rules' actions on a fresh sheet, without the engine: the
/// engine's matching is most of an advice's cost, and a sampled intake holds far more classes than
/// whole advices fit in memory (1,000,000 sampled profiles: 233,363 classes, all of which the
/// default 262,144 keep).
/// </para>
/// <para>
/// Stored in a <see cref="ClassTable"/>: one probe a lookup. Bounded: when full it keeps what it has.
/// Emptying it instead made a stream of mostly distinct classes slower than no cache at all
/// (measured: 22,800 against 29,300 advices/s at 8,192 entries over 200,000 sampled profiles).
/// Thread-safe; advice is immutable, so one instance answers many callers.
/// </para>
/// </remarks>
internal sealed class AdviceCache(ProfileClassifier classifier, int capacity)
{
    /// <summary>How many more classes keep their fired rules than keep their whole advice.</summary>
    public const int FiringsPerAdvice = 64;

    private readonly ClassTable _table = new(capacity > int.MaxValue / FiringsPerAdvice ? int.MaxValue : capacity * FiringsPerAdvice, capacity);

    public long KeyOf(ProfileFact profile) => classifier.KeyOf(profile);

    /// <summary>The indexes of the rules the class fired, in firing order, and its whole advice when that is kept too.</summary>
    /// <returns>Whether the class's fired rules are kept.</returns>
    public bool TryGet(long key, out ReadOnlySpan<ushort> fired, out MassageAdvice? advice) => _table.TryGet(key, out fired, out advice);

    /// <summary>Keeps what the engine did for a class it has just advised: its fired rules and its advice, while there is room.</summary>
    /// <remarks>An advice is only found through its class's fired rules, so it is kept only with them.</remarks>
    public void Add(long key, ReadOnlySpan<ushort> fired, MassageAdvice advice) => _table.Add(key, fired, advice);
}
