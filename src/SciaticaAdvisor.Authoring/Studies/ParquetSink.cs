using System.Collections.Immutable;
using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// Writes rows to Parquet: typed columns, a row group every <c>rowGroupSize</c> rows, the provenance in
/// the file's key-value metadata.
/// </summary>
/// <remarks>
/// Two row groups' buffers, reused for the whole file: while one is encoded, compressed and written
/// (on the thread pool), the next fills from the advised blocks, so writing overlaps advising and
/// memory is two row groups whatever the population's size.
/// </remarks>
internal sealed class ParquetSink : IRowSink
{
    /// <summary>
    /// Zstandard at its fastest level. Measured (docs/performance.md, "Studies"): Parquet.Net's default
    /// level for it, the smallest size, spent about 0.7 ms a row compressing; the fastest level writes a
    /// row group in about the time Snappy or no compression takes (encoding, not compressing, is most of
    /// it), and its files are a third of Snappy's and within 2 % of Zstandard's default level.
    /// </summary>
    public const CompressionMethod Compression = CompressionMethod.Zstd;

    public const CompressionLevel Level = CompressionLevel.Fastest;

    /// <summary>
    /// Text columns are dictionary-encoded where a row group's values repeat (at most 80 % distinct,
    /// Parquet.Net's threshold): codes, set texts, style orders, the variant and its hash, and the fired
    /// rules of the common classes are then written once a group and referred to by index, rather than
    /// encoded and compressed row by row. Parquet.Net does it only for columns hinted so; the first
    /// <see cref="DictionarySample"/> values of a column tell it whether to try.
    /// </summary>
    public const int DictionarySample = 1024;

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly ImmutableArray<ColumnBuffer>[] _groups;
    private readonly int _rowGroupSize;
    private int _filling;
    private Task _flushing = Task.CompletedTask;
    private bool _disposed;

    private ParquetSink(Stream stream, ParquetWriter writer, ImmutableArray<DataField> fields, int rowGroupSize)
    {
        _stream = stream;
        _writer = writer;
        _rowGroupSize = rowGroupSize;
        var fired = new TextArena(1 << 20);
        _groups = [Buffers(fields, rowGroupSize, fired), Buffers(fields, rowGroupSize, fired)];
    }

    private ImmutableArray<ColumnBuffer> Filling => _groups[_filling];

    public static async Task<ParquetSink> CreateAsync(Stream stream, IReadOnlyDictionary<string, string> metadata, int rowGroupSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        // The writer knows a column by its field instance: the schema's are the ones the buffers write.
        var fields = StudyColumns.All.Select(ColumnBuffer.FieldOf).ToImmutableArray();
        var schema = new ParquetSchema(fields.Select(f => (Field)f).ToArray());
        var options = new ParquetOptions
        {
            CompressionMethod = Compression,
            CompressionLevel = Level,

            // The writer's pooled streams: keep what one row group needs, not the library's default of 80 MB idle.
            MaximumSmallPoolFreeBytes = 4 << 20,
            MaximumLargePoolFreeBytes = 16 << 20,

            // A text column whose row group has few distinct values is written once a value (see DictionarySample).
            DictionaryEncodingSampleSize = DictionarySample,
        };
        foreach (var (column, field) in StudyColumns.All.Zip(fields).Where(c => c.First is TextColumn))
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        var writer = await ParquetWriter.CreateAsync(schema, stream, options, false, cancellationToken);
        writer.CustomMetadata = metadata.ToDictionary();
        return new ParquetSink(stream, writer, fields, rowGroupSize);
    }

    public async ValueTask WriteAsync(RowBlock block, CancellationToken cancellationToken)
    {
        var start = 0;
        while (start < block.Count)
        {
            var group = Filling;
            var take = Math.Min(block.Count - start, _rowGroupSize - group[0].Count);
            for (var c = 0; c < group.Length; c++)
            {
                group[c].Append(block.Columns[c], start, take);
            }

            start += take;
            if (group[0].Count == _rowGroupSize)
            {
                await StartFlushAsync(cancellationToken);
            }
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (Filling[0].Count > 0)
        {
            await StartFlushAsync(cancellationToken);
        }

        await _flushing;
        _disposed = true;
        await _writer.DisposeAsync();
        await _stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            // A failed run: let a group being written finish or fail before the file is closed; the run reports its own failure.
            try
            {
                await _flushing;
            }
#pragma warning disable CA1031 // The run's first failure is already on its way up.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            await _writer.DisposeAsync();
        }

        await _stream.DisposeAsync();
    }

    /// <summary>A row group's buffers; <paramref name="fired"/> is where the fired rules are joined as the group is written, one arena for both groups, as one is written at a time.</summary>
    private static ImmutableArray<ColumnBuffer> Buffers(ImmutableArray<DataField> fields, int capacity, TextArena fired) =>
        [.. StudyColumns.All.Select((c, i) => ColumnBuffer.For(c, fields[i], capacity, fired))];

    /// <summary>Waits for the group before to be written, then writes the full one on the thread pool and fills the other.</summary>
    private async Task StartFlushAsync(CancellationToken cancellationToken)
    {
        await _flushing;
        var group = Filling;
        _flushing = Task.Run(() => FlushAsync(group, cancellationToken), cancellationToken);
        _filling = 1 - _filling;
    }

    private async Task FlushAsync(ImmutableArray<ColumnBuffer> group, CancellationToken cancellationToken)
    {
        using (var writer = _writer.CreateRowGroup())
        {
            foreach (var column in group)
            {
                await column.WriteAsync(writer, cancellationToken);
            }

            writer.CompleteValidate();
        }

        foreach (var column in group)
        {
            column.Clear();
        }
    }
}
