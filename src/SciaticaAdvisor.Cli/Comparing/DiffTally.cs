namespace SciaticaAdvisor.Cli.Comparing;

/// <summary>Counts how a population's advice changed between two rule sets: per change, how often and the first few lines that show it.</summary>
/// <remarks>Lines may arrive in any order (they are compared in parallel); the examples are always the lowest line numbers.</remarks>
internal sealed class DiffTally
{
    public const int ExampleCount = 3;

    private readonly Dictionary<AdviceChange, Entry> _changes = [];
    private readonly Entry _invalid = new();

    public int Profiles { get; private set; }

    public int Changed { get; private set; }

    public int Invalid => _invalid.Count;

    public IReadOnlyList<int> InvalidExamples => _invalid.Examples;

    /// <summary>Every change seen, in report order (kind, then most frequent first, then by name).</summary>
    public IEnumerable<(AdviceChange Change, int Count, IReadOnlyList<int> Examples)> Changes => _changes
        .OrderBy(c => c.Key.Kind).ThenByDescending(c => c.Value.Count).ThenBy(c => c.Key.First, StringComparer.Ordinal).ThenBy(c => c.Key.Second, StringComparer.Ordinal)
        .Select(c => (c.Key, c.Value.Count, (IReadOnlyList<int>)c.Value.Examples));

    public void Count(int line, IReadOnlyList<AdviceChange> changes)
    {
        Profiles++;
        if (changes.Count == 0)
        {
            return;
        }

        Changed++;
        foreach (var change in changes)
        {
            if (!_changes.TryGetValue(change, out var entry))
            {
                _changes[change] = entry = new Entry();
            }

            entry.Add(line);
        }
    }

    public void CountInvalid(int line) => _invalid.Add(line);

    private sealed class Entry
    {
        private readonly List<int> _examples = new(ExampleCount + 1);

        public int Count { get; private set; }

        public IReadOnlyList<int> Examples => _examples;

        public void Add(int line)
        {
            Count++;
            var at = _examples.BinarySearch(line);
            _examples.Insert(at < 0 ? ~at : at, line);
            if (_examples.Count > ExampleCount)
            {
                _examples.RemoveAt(ExampleCount);
            }
        }
    }
}
