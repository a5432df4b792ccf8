using CsvHelper;

namespace SciaticaAdvisor.Studies;

/// <summary>Writes rows as CSV with CsvHelper: a header row, RFC 4180 quoting and CRLF line ends, invariant numbers, an empty cell for null.</summary>
internal sealed class CsvSink : IRowSink
{
    private readonly Stream _stream;
    private readonly CsvWriter _csv;

    public CsvSink(Stream stream)
    {
        _stream = stream;
        _csv = CsvWriter.Create(stream, null, leaveOpen: true);
        _csv.WriteHeader([.. StudyColumns.All.Select(c => c.Name)]);
    }

    public async ValueTask WriteAsync(RowBlock block, CancellationToken cancellationToken)
    {
        for (var i = 0; i < block.Count; i++)
        {
            foreach (var column in block.Columns)
            {
                _csv.WriteField(column.Cell(i));
            }

            await _csv.EndRecordAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _csv.FlushAsync(cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
