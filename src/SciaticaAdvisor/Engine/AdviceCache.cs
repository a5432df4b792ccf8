using System.Collections.Concurrent;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Advice already given, by input class (see <see cref="ProfileClassifier"/>): exact, because every
/// profile of a class gets the same advice, and bounded: when full it starts again empty.
/// </summary>
/// <remarks>Thread-safe. Advice is immutable, so one instance can answer many callers.</remarks>
internal sealed class AdviceCache(ProfileClassifier classifier, int capacity)
{
    private readonly ConcurrentDictionary<long, MassageAdvice> _entries = new();

    public long KeyOf(ProfileFact profile) => classifier.KeyOf(profile);

    public bool TryGet(long key, out MassageAdvice advice) => _entries.TryGetValue(key, out advice!);

    public void Add(long key, MassageAdvice advice)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd(key, advice);
    }
}
