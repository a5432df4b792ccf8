using System.Collections.Immutable;
using Parquet;
using Parquet.Schema;

namespace SciaticaAdvisor.Studies;

/// <summary>Writes rows to Parquet: typed columns, a row group every <c>rowGroupSize</c> rows, the provenance in the file's key-value metadata.</summary>
internal sealed class ParquetSink : IRowSink
{
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly ImmutableArray<ColumnBuffer> _columns;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly int _rowGroupSize;
    private int _buffered;

    private ParquetSink(Stream stream, ParquetWriter writer, ImmutableArray<ColumnBuffer> columns, int rowGroupSize)
    {
        _stream = stream;
        _writer = writer;
        _columns = columns;
        _rowGroupSize = rowGroupSize;
    }

    public static async Task<ParquetSink> CreateAsync(Stream stream, IReadOnlyDictionary<string, string> metadata, int rowGroupSize, CancellationToken cancellationToken)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = StudyColumns.All.Select(c => ColumnBuffer.For(c, rowGroupSize, pool)).ToImmutableArray();
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd }, false, cancellationToken);
        writer.CustomMetadata = metadata.ToDictionary();
        return new ParquetSink(stream, writer, columns, rowGroupSize);
    }

    public async ValueTask WriteAsync(IReadOnlyList<StudyRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            foreach (var column in _columns)
            {
                column.Add(row);
            }

            if (++_buffered == _rowGroupSize)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_buffered > 0)
        {
            await FlushAsync(cancellationToken);
        }

        await _writer.DisposeAsync();
        await _stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _stream.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        using (var group = _writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                await column.WriteAsync(group, cancellationToken);
                column.Clear();
            }

            group.CompleteValidate();
        }

        _buffered = 0;
        _pool.Clear();
    }
}
