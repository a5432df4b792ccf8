using System.Security.Cryptography;
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

    /// <summary>The file's full path.</summary>
    public string FullPath => path;

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
                // The reader's own messages quote the line ('acut', "was 4.5"); the exception's says where and what is
                // allowed without them, as a study's errors end up in logs and a profile is health data.
                var message = read is null ? $"not a valid profile: $: {item.Problem}" : new ProfileValidationException(read.Errors).Message;
                invalid(new StudyError(name, item.Line, 0, message));
            }

            index++;
        }

        if (index == 0)
        {
            // An empty export or the wrong file: a study of no one would report 0 % of everything and succeed.
            invalid(new StudyError(name, 0, 0, "the population file holds no profiles"));
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

    /// <summary>The SHA-256 of the file's bytes in lowercase hex, for the provenance: the study file's own hash does not cover them.</summary>
    public string Sha256()
    {
        using var stream = Open();
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException ex)
        {
            throw new StudyException([new StudyError(name, 0, 0, $"the population file cannot be read: {ex.Message}")]);
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
