using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The files of one run, written under temporary names and renamed into place only when complete, so an
/// interrupted or failed run never leaves a file that looks finished.
/// </summary>
internal sealed class StudyOutput(Study study, StudyRunOptions options)
{
    private readonly List<(string Temporary, string Final)> _files = [];

    /// <summary>The rows' file name: <c>advice.parquet</c>, <c>advice.part-K-of-N.csv</c>.</summary>
    public string RowsName => "advice" + (options.Shard is { } shard ? "." + shard : "") + (options.Format == StudyFormat.Csv ? ".csv" : ".parquet");

    public async Task<IRowSink> OpenRowsAsync(CancellationToken cancellationToken)
    {
        var provenanceName = "provenance" + (options.Shard is { } shard ? "." + shard : "") + ".json";
        try
        {
            Directory.CreateDirectory(options.OutputDirectory);
            var provenance = Create(provenanceName);
            await using (var writer = new StreamWriter(provenance))
            {
                await writer.WriteAsync(StudyProvenance.Json(study, options.Shard));
            }

            var stream = Create(RowsName);
            return options.Format == StudyFormat.Csv
                ? new CsvSink(stream)
                : await ParquetSink.CreateAsync(stream, StudyProvenance.Metadata(study, options.Shard), options.RowGroupSize, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon();
            throw Unwritable(ex);
        }
    }

    public ImmutableArray<string> Commit()
    {
        try
        {
            foreach (var (temporary, final) in _files)
            {
                File.Move(temporary, final, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon();
            throw Unwritable(ex);
        }

        // Rows first, as the result promises.
        return [.. _files.Select(f => f.Final).OrderBy(f => f.Contains("provenance", StringComparison.Ordinal) ? 1 : 0)];
    }

    public void Abandon()
    {
        foreach (var (temporary, _) in _files)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the run's own failure is what gets reported.
            }
        }
    }

    private FileStream Create(string name)
    {
        var final = Path.Combine(options.OutputDirectory, name);
        var temporary = final + ".partial";
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _files.Add((temporary, final));
        return stream;
    }

    private StudyException Unwritable(Exception ex) =>
        new([new StudyError(options.OutputDirectory, 0, 0, $"the output cannot be written: {ex.Message}")]);
}
