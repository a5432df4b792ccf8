using System.Text;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The profiles of a JSON Lines or CSV file, read as <c>sciatica-advisor batch</c> reads them: a profile's
/// index is its record's position in the file (0-based), and a line that is not a valid profile is an
/// error naming its line, never its content.
/// </summary>
internal sealed class FilePopulation(string path, string name, bool csv) : StudyPopulation
{
    /// <summary>The file as the study file names it, for errors.</summary>
    public string Name => name;

    public override string Kind => "file";

    public override long? Count => null;

    public override IEnumerable<PopulationMember> Read(Action<StudyError> invalid, CancellationToken cancellationToken)
    {
        using var stream = Open();
        var index = 0L;
        foreach (var item in Items(stream))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = item.IsDocument ? ProfileReader.TryRead(item.Json) : null;
            if (read is { IsValid: true })
            {
                yield return new PopulationMember(index, read.Profile);
            }
            else
            {
                var (where, message) = read is null ? ("$", item.Problem!) : (read.Errors[0].Path, read.Errors[0].Message);
                invalid(new StudyError(name, item.Line, 0, $"not a valid profile: {where}: {message}"));
            }

            index++;
        }
    }

    private IEnumerable<BatchItem> Items(Stream stream)
    {
        if (!csv)
        {
            return new JsonLinesReader(stream).ReadItems();
        }

        var records = new CsvRecordReader(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true)).ReadRecords();
        return CsvItems(records);
    }

    private IEnumerable<BatchItem> CsvItems(IEnumerable<CsvRecord> records)
    {
        using var enumerator = records.GetEnumerator();
        var columns = CsvProfileColumns.Parse(enumerator.MoveNext() ? enumerator.Current : null, out var problems);
        if (problems.Count > 0)
        {
            throw new StudyException([.. problems.Select(p => new StudyError(name, 0, 0, p))]);
        }

        while (enumerator.MoveNext())
        {
            yield return columns.ToItem(enumerator.Current);
        }
    }

    private FileStream Open()
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StudyException([new StudyError(name, 0, 0, $"the population file cannot be read: {ex.Message}")]);
        }
    }
}
