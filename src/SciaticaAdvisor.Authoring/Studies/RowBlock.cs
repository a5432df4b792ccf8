using System.Collections.Concurrent;
using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The rows of one chunk of profiles (every profile under every variant, profile by profile) as typed
/// column values, read out by the advising thread so that the writer only copies or formats them, and
/// for each row what the run's counts and reports need. Blocks come from a <see cref="RowBlockPool"/>
/// and go back to it once written.
/// </summary>
/// <remarks>
/// A block keeps no advice: once its cells are read (<see cref="Fill"/>) the advice is let go, so an
/// advice lives only while its chunk is advised, and nothing the writer holds refers to one.
/// </remarks>
internal sealed class RowBlock
{
    /// <summary>Characters the block's text arena takes at a time (the fired rules of a chunk are about 400,000).</summary>
    private const int ArenaChunk = 1 << 16;

    private readonly StudyRow[] _rows;
    private readonly RowOutcome[] _outcomes;
    private readonly TextCells _cells;

    public RowBlock(int profiles, int variants, StudyTexts texts)
    {
        var capacity = profiles * variants;
        Scratch = new AdviceScratch(profiles, variants);
        _rows = new StudyRow[capacity];
        _outcomes = new RowOutcome[capacity];
        _cells = new TextCells(texts, new TextArena(ArenaChunk));
        Columns = [.. StudyColumns.All.Select(c => ColumnBuffer.For(c, ColumnBuffer.FieldOf(c), capacity))];
    }

    public int Count { get; private set; }

    /// <summary>Where the chunk's profiles and their advice under each variant are put while the block is filled; emptied by <see cref="Fill"/>.</summary>
    public AdviceScratch Scratch { get; }

    /// <summary>The column values, in <see cref="StudyColumns.All"/> order.</summary>
    public ImmutableArray<ColumnBuffer> Columns { get; }

    /// <summary>Each row's profile, variant, fault and outcome categories.</summary>
    public ReadOnlySpan<RowOutcome> Outcomes => _outcomes.AsSpan(0, Count);

    public void Add(StudyRow row) => _rows[Count++] = row;

    /// <summary>Reads the column values and outcomes out of the rows, then lets go of the rows' advice.</summary>
    public void Fill()
    {
        var rows = _rows.AsSpan(0, Count);
        foreach (var column in Columns)
        {
            column.Fill(rows, _cells);
        }

        for (var i = 0; i < rows.Length; i++)
        {
            _outcomes[i] = RowOutcome.Of(rows[i]);
        }

        rows.Clear();
        Scratch.Clear();
    }

    public void Clear()
    {
        Array.Clear(_outcomes, 0, Count);
        Count = 0;
        foreach (var column in Columns)
        {
            column.Clear();
        }

        _cells.Arena.Clear();
    }
}

/// <summary>What the run counts of a row: its profile, variant, whether it was advised or its fault, and its category of each <see cref="OutcomeMeasure"/>.</summary>
/// <remarks>The four measures' categories, a byte each.</remarks>
internal readonly record struct RowOutcome(long Profile, SymptomProfile Input, int VariantIndex, bool Advised, string? Fault, int Categories)
{
    public static RowOutcome Of(StudyRow row) =>
        new(row.Profile, row.Input, row.VariantIndex, row.Cells.Advised, row.Cells.Fault, row.Cells.Categories);

    /// <summary>The row's category of measure <paramref name="measure"/> (its index in <see cref="OutcomeMeasure.All"/>).</summary>
    public int Category(int measure) => (Categories >> (measure * 8)) & 0xFF;
}

/// <summary>Blocks to reuse: as many exist as are in flight at once, so memory stays flat.</summary>
internal sealed class RowBlockPool(int profiles, int variants, StudyTexts texts)
{
    private readonly ConcurrentBag<RowBlock> _free = [];

    public RowBlock Rent() => _free.TryTake(out var block) ? block : new RowBlock(profiles, variants, texts);

    public void Return(RowBlock block)
    {
        block.Clear();
        _free.Add(block);
    }
}

/// <summary>A chunk's profiles, and each variant's advice or fault for each, while its block is filled.</summary>
/// <remarks>
/// <see cref="Advice"/> and <see cref="Faults"/> are indexed by the profile's place among those of the chunk
/// a group of variants advises (the classes not yet kept, <see cref="Missed"/>); <see cref="Cells"/> by its place in the chunk.
/// </remarks>
internal sealed class AdviceScratch(int profiles, int variants)
{
    public SymptomProfile[] Profiles { get; } = new SymptomProfile[profiles];

    /// <summary>Each profile's input class under the group being advised, when it has one.</summary>
    public long?[] Keys { get; } = new long?[profiles];

    /// <summary>The places in the chunk of the profiles the group advises, and those profiles.</summary>
    public int[] Missed { get; } = new int[profiles];

    public SymptomProfile[] MissedProfiles { get; } = new SymptomProfile[profiles];

    /// <summary>Each variant's cells for each profile of the chunk.</summary>
    public AdviceCells[][] Cells { get; } = [.. Enumerable.Range(0, variants).Select(_ => new AdviceCells[profiles])];

    /// <summary>One profile's cells under each variant of a group, while they are made or read from the memo.</summary>
    public AdviceCells[] Made { get; } = new AdviceCells[variants];

    /// <summary>The place in the chunk of the first profile of each class the group advises.</summary>
    public Dictionary<long, int> FirstOfClass { get; } = new(profiles);

    /// <summary>The places of the profiles whose class an earlier profile of the chunk has, and that profile's place.</summary>
    public (int Place, int First)[] Repeats { get; } = new (int, int)[profiles];

    private readonly ushort[][] _numbers = [.. Enumerable.Range(0, variants).Select(_ => Array.Empty<ushort>())];

    /// <summary>A buffer for the numbers of the <paramref name="member"/>th variant's fired rules, at least <paramref name="length"/> long.</summary>
    public ushort[] Numbers(int member, int length) =>
        _numbers[member].Length >= length ? _numbers[member] : _numbers[member] = new ushort[Math.Max(length, 64)];

    public MassageAdvice?[][] Advice { get; } = [.. Enumerable.Range(0, variants).Select(_ => new MassageAdvice?[profiles])];

    public string?[][] Faults { get; } = [.. Enumerable.Range(0, variants).Select(_ => new string?[profiles])];

    public void Clear()
    {
        Array.Clear(Profiles);
        Array.Clear(MissedProfiles);
        Array.Clear(Made);
        foreach (var cells in Cells)
        {
            Array.Clear(cells);
        }

        foreach (var advice in Advice)
        {
            Array.Clear(advice);
        }

        foreach (var faults in Faults)
        {
            Array.Clear(faults);
        }
    }
}
