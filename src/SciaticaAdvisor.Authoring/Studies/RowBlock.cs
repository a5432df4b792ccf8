using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The rows of one chunk of profiles (every profile under every variant, profile by profile), and for a
/// Parquet run their typed column values, read out by the advising thread so that the writer only
/// copies them. Blocks come from a <see cref="RowBlockPool"/> and go back to it once written.
/// </summary>
internal sealed class RowBlock(int capacity, bool columns)
{
    public StudyRow[] Rows { get; } = new StudyRow[capacity];

    public int Count { get; private set; }

    /// <summary>The column values, in <see cref="StudyColumns.All"/> order; empty for CSV, which writes from the rows.</summary>
    public ImmutableArray<ColumnBuffer> Columns { get; } = columns ? [.. StudyColumns.All.Select(c => ColumnBuffer.For(c, ColumnBuffer.FieldOf(c), capacity))] : [];

    public ReadOnlySpan<StudyRow> Span => Rows.AsSpan(0, Count);

    public void Add(StudyRow row) => Rows[Count++] = row;

    /// <summary>Reads the column values out of the rows.</summary>
    public void Fill()
    {
        foreach (var column in Columns)
        {
            column.Fill(Span);
        }
    }

    public void Clear()
    {
        Array.Clear(Rows, 0, Count);
        Count = 0;
        foreach (var column in Columns)
        {
            column.Clear();
        }
    }
}

/// <summary>Blocks to reuse: as many exist as are in flight at once, so memory stays flat.</summary>
internal sealed class RowBlockPool(int capacity, bool columns)
{
    private readonly ConcurrentBag<RowBlock> _free = [];

    public RowBlock Rent() => _free.TryTake(out var block) ? block : new RowBlock(capacity, columns);

    public void Return(RowBlock block)
    {
        block.Clear();
        _free.Add(block);
    }
}
