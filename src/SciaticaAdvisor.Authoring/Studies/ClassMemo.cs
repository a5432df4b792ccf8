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
/// Compact, so that every class of a large sample fits: a class is its key, and a variant a reference
/// (its shared <see cref="AdviceCells.Outcome"/>, or its fault) and a slice of numbered fired rules in a
/// shared pool (<see cref="FiredRules"/>; a follower whose rules are the variant before's shares its
/// slice). All of it lives in arrays of a few hundred kilobytes, so the GC has a handful of objects to
/// trace, not several a class. About 100 bytes a class for three variants (the fired rules half of it).
/// </para>
/// <para>
/// Bounded: the first <see cref="StudyRunOptions.ClassesKept"/> classes are kept, and then no more, as the
/// advice cache keeps what it has. Thread-safe: lookups take no lock (an entry is published after it is
/// written), additions take one.
/// </para>
/// </remarks>
internal sealed class ClassMemo
{
    private const int BlockBits = 12;
    private const int BlockSize = 1 << BlockBits;
    private const int PoolBits = 16;
    private const int PoolChunk = 1 << PoolBits;
    private const int FirstSlots = 1 << 10;

    private readonly int _capacity;
    private readonly int _members;
    private readonly RuleIds _rules;
    private readonly Lock _gate = new();
    private readonly Block?[] _blocks;

    // Open addressing: 0 is an empty slot, n is entry n - 1. Replaced (never written again) when it grows.
    private int[] _slots;
    private ushort[][] _pool = [];
    private int _poolUsed = PoolChunk;
    private int _count;

    public ClassMemo(int capacity, int members, RuleIds rules)
    {
        _capacity = capacity;
        _members = members;
        _rules = rules;
        _blocks = new Block?[(capacity + BlockSize - 1) / BlockSize];
        _slots = capacity > 0 ? new int[FirstSlots] : [];
    }

    /// <summary>Whether any class is kept at all; when not, a profile's class need not be found.</summary>
    public bool Keeps => _capacity > 0;

    /// <summary>How many classes are kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The cells of the class under each variant of the group, in the group's order, into <paramref name="cells"/>.</summary>
    public bool TryGet(long key, Span<AdviceCells> cells)
    {
        var slots = Volatile.Read(ref _slots);
        if (slots.Length == 0)
        {
            return false;
        }

        var mask = slots.Length - 1;
        for (var at = SlotOf(key, mask); ; at = (at + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[at]) - 1;
            if (entry < 0)
            {
                return false;
            }

            var block = _blocks[entry >> BlockBits]!;
            var row = entry & (BlockSize - 1);
            if (block.Keys[row] != key)
            {
                continue;
            }

            var pool = Volatile.Read(ref _pool);
            for (var m = 0; m < _members; m++)
            {
                var at2 = (row * _members) + m;
                cells[m] = block.Cells[at2] is AdviceCells.Outcome outcome
                    ? AdviceCells.Of(outcome, new FiredRules(_rules, Slice(pool, block.FiredStart[at2], block.FiredLength[at2])))
                    : AdviceCells.OfFault((string)block.Cells[at2]!);
            }

            return true;
        }
    }

    /// <summary>
    /// Keeps a class's cells while there is room, and points their fired rules at the memo's copy, which
    /// lives as long as the run; <see langword="false"/> when full or already kept (the cells are left as they are).
    /// </summary>
    public bool TryAdd(long key, Span<AdviceCells> cells)
    {
        lock (_gate)
        {
            if (_count >= _capacity || Find(_slots, key) >= 0)
            {
                return false;
            }

            if ((_count + 1) * 2 > _slots.Length)
            {
                Grow();
            }

            var entry = _count;
            var block = _blocks[entry >> BlockBits] ??= new Block(_members);
            var row = entry & (BlockSize - 1);
            block.Keys[row] = key;
            for (var m = 0; m < _members; m++)
            {
                var at = (row * _members) + m;
                if (cells[m].Common is not { } outcome)
                {
                    block.Cells[at] = cells[m].Fault;
                    continue;
                }

                block.Cells[at] = outcome;
                var numbers = cells[m].Fired.Numbers;
                var shared = SharedWith(cells, m);
                block.FiredStart[at] = shared >= 0 ? block.FiredStart[(row * _members) + shared] : Store(numbers.Span);
                block.FiredLength[at] = (ushort)numbers.Length;
            }

            for (var m = 0; m < _members; m++)
            {
                var at = (row * _members) + m;
                if (cells[m].Advised)
                {
                    cells[m] = cells[m].WithFired(Slice(_pool, block.FiredStart[at], block.FiredLength[at]));
                }
            }

            var slots = _slots;
            var mask = slots.Length - 1;
            var free = SlotOf(key, mask);
            while (slots[free] != 0)
            {
                free = (free + 1) & mask;
            }

            Volatile.Write(ref slots[free], entry + 1);
            Volatile.Write(ref _count, entry + 1);
            return true;
        }
    }

    private static int SlotOf(long key, int mask) => (int)((ulong)(key * -7046029254386353131L) >> 32) & mask;

    private static ReadOnlyMemory<ushort> Slice(ushort[][] pool, int start, int length) =>
        length == 0 ? ReadOnlyMemory<ushort>.Empty : pool[start >> PoolBits].AsMemory(start & (PoolChunk - 1), length);

    /// <summary>An earlier variant of the class whose fired rules are the very same slice, or -1.</summary>
    private static int SharedWith(Span<AdviceCells> cells, int m)
    {
        for (var earlier = 0; earlier < m; earlier++)
        {
            if (cells[earlier].Advised && cells[earlier].Fired.Numbers.Equals(cells[m].Fired.Numbers))
            {
                return earlier;
            }
        }

        return -1;
    }

    private int Find(int[] slots, long key)
    {
        if (slots.Length == 0)
        {
            return -1;
        }

        var mask = slots.Length - 1;
        for (var at = SlotOf(key, mask); slots[at] != 0; at = (at + 1) & mask)
        {
            var entry = slots[at] - 1;
            if (_blocks[entry >> BlockBits]!.Keys[entry & (BlockSize - 1)] == key)
            {
                return entry;
            }
        }

        return -1;
    }

    /// <summary>Twice the slots, filled from the entries, then published: a lookup still in the old ones finds less, never wrong.</summary>
    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var entry = 0; entry < _count; entry++)
        {
            var at = SlotOf(_blocks[entry >> BlockBits]!.Keys[entry & (BlockSize - 1)], mask);
            while (slots[at] != 0)
            {
                at = (at + 1) & mask;
            }

            slots[at] = entry + 1;
        }

        Volatile.Write(ref _slots, slots);
    }

    /// <summary>Copies fired rules' numbers into the pool; returns where (chunk and offset). A list never spans two chunks.</summary>
    private int Store(ReadOnlySpan<ushort> numbers)
    {
        if (numbers.IsEmpty)
        {
            return 0;
        }

        if (numbers.Length > PoolChunk - _poolUsed)
        {
            var pool = new ushort[_pool.Length + 1][];
            _pool.CopyTo(pool, 0);
            pool[^1] = new ushort[PoolChunk];
            Volatile.Write(ref _pool, pool);
            _poolUsed = 0;
        }

        var chunk = _pool.Length - 1;
        numbers.CopyTo(_pool[chunk].AsSpan(_poolUsed));
        var start = (chunk << PoolBits) | _poolUsed;
        _poolUsed += numbers.Length;
        return start;
    }

    /// <summary>The entries of <see cref="BlockSize"/> classes: each class's key, and each variant's outcome or fault and fired rules' slice.</summary>
    private sealed class Block(int members)
    {
        public long[] Keys { get; } = new long[BlockSize];

        public object?[] Cells { get; } = new object?[BlockSize * members];

        public int[] FiredStart { get; } = new int[BlockSize * members];

        public ushort[] FiredLength { get; } = new ushort[BlockSize * members];
    }
}

/// <summary>A variant that replays no other (<see cref="Head"/>) and the variants that replay it, in study order, the head first; the numbering of their rules and the memo of their classes.</summary>
internal sealed record VariantGroup(int Head, int[] Members, RuleIds Rules, ClassMemo Memo)
{
    /// <summary>The groups of a study's variants: every variant is in exactly one.</summary>
    public static VariantGroup[] Of(IReadOnlyList<CompiledVariant> variants, int capacity) =>
        [.. Enumerable.Range(0, variants.Count)
            .Where(v => variants[v].Replays is null)
            .Select(head =>
            {
                int[] members = [head, .. Enumerable.Range(0, variants.Count).Where(v => variants[v].Replays?.Leader == head)];
                var rules = new RuleIds([.. variants[head].Inspection.Rules.Select(r => r.Info.Id)]);
                return new VariantGroup(head, members, rules, new ClassMemo(capacity, members.Length, rules));
            })];
}
