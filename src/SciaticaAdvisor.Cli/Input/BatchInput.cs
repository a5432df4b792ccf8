using System.Text;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Populations;

namespace SciaticaAdvisor.Cli.Input;

/// <summary>Opens a batch input file as JSON Lines or CSV items; a CSV header that does not fit ends the run before anything is written.</summary>
/// <remarks>
/// The CLI's readers are here (<see cref="ProfileInput"/> for the one document of <c>advise</c>,
/// <c>explain</c> and <c>fhir</c>); the line and record readers behind this one (JSON Lines, CSV, the
/// CSV header's columns) are in <c>src/Shared/Populations</c>, because a study reads its population
/// files with the very same code.
/// </remarks>
internal sealed class BatchInput : IDisposable
{
    /// <summary>The name standard input goes by in errors.</summary>
    public const string StandardInputName = "standard input";

    private readonly ReadCountingStream _stream;
    private readonly string _path;

    private BatchInput(Stream stream, string path, bool csv)
    {
        Length = stream.CanSeek ? stream.Length : null;
        _stream = new ReadCountingStream(stream);
        _path = path;
        IsCsv = csv;
    }

    public bool IsCsv { get; }

    /// <summary>The input's size in bytes when known (a file), else <see langword="null"/>.</summary>
    public long? Length { get; }

    /// <summary>How many bytes have been read (a block ahead of the answers); safe to read from another thread, for progress.</summary>
    public long BytesRead => _stream.BytesRead;

    /// <summary>Opens the file, or standard input for <c>-</c> (JSON Lines unless <paramref name="format"/> says csv).</summary>
    public static BatchInput Open(string path, string? format, CliContext context)
    {
        if (path == "-")
        {
            return new BatchInput(context.OpenIn(), StandardInputName, format == "csv");
        }

        if (Directory.Exists(path))
        {
            throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: cannot read '{path}': it is a directory");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var csv = format == "csv" || (format is null && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
            return new BatchInput(stream, path, csv);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CommandFailure.Unreadable(path, ex);
        }
    }

    /// <summary>The items to advise, one per line (JSON Lines) or per record after the header (CSV).</summary>
    /// <exception cref="CommandFailure">The CSV header names an unknown column or lacks a required one.</exception>
    public IEnumerable<BatchItem> ReadItems() => Guard(IsCsv ? ReadCsv() : new JsonLinesReader(_stream).ReadItems());

    public void Dispose() => _stream.Dispose();

    private IEnumerable<BatchItem> ReadCsv()
    {
        var reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var records = new CsvRecordReader(reader).ReadRecords().GetEnumerator();
        var header = records.MoveNext() ? records.Current : null;
        var columns = CsvProfileColumns.Parse(header, out var problems);
        if (problems.Count > 0)
        {
            records.Dispose();
            throw new CommandFailure(ExitCodes.Invalid, [.. problems.Select(p => $"{_path}: {p}")]);
        }

        return Rest(records).Select(columns.ToItem);
    }

    private static IEnumerable<CsvRecord> Rest(IEnumerator<CsvRecord> records)
    {
        using (records)
        {
            while (records.MoveNext())
            {
                yield return records.Current;
            }
        }
    }

    /// <summary>Turns a read failure halfway through into the contract's "unreadable file" answer.</summary>
    private IEnumerable<BatchItem> Guard(IEnumerable<BatchItem> items)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = enumerator.MoveNext();
            }
            catch (IOException ex)
            {
                throw CommandFailure.Unreadable(_path, ex);
            }

            if (!more)
            {
                yield break;
            }

            yield return enumerator.Current;
        }
    }
}
