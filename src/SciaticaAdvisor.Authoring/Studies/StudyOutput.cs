using System.Collections.Immutable;
using SciaticaAdvisor.Files;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The files of one run, written under temporary names and renamed into place only when complete, so an
/// interrupted or failed run never leaves a file that looks finished.
/// </summary>
internal sealed class StudyOutput(Study study, StudyRunOptions options)
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private readonly List<(string Temporary, string Final)> _files = [];

    /// <summary>The rows' file name: <c>advice.parquet</c>, <c>advice.part-K-of-N.csv</c>.</summary>
    public string RowsName => "advice" + (options.Shard is { } shard ? "." + shard : "") + (options.Format == StudyFormat.Csv ? ".csv" : ".parquet");

    public async Task<IRowSink> OpenRowsAsync(CancellationToken cancellationToken)
    {
        var provenanceName = "provenance" + (options.Shard is { } shard ? "." + shard : "") + ".json";
        Guard(provenanceName);
        Guard(RowsName);
        var population = study.Population is FilePopulation file ? (file.Name, file.Sha256()) : default((string, string)?);
        try
        {
            Directory.CreateDirectory(options.OutputDirectory);
            var provenance = Create(provenanceName);
            await using (var writer = new StreamWriter(provenance))
            {
                await writer.WriteAsync(StudyProvenance.Json(study, options.Shard, population));
            }

            var stream = Create(RowsName);
            return options.Format == StudyFormat.Csv
                ? new CsvSink(stream)
                : await ParquetSink.CreateAsync(stream, StudyProvenance.Metadata(study, options.Shard, population), options.RowGroupSize, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon();
            throw Unwritable(ex);
        }
    }

    /// <summary>
    /// The temporary path of a report file: written there, it is renamed into place with the rows by
    /// <see cref="Commit"/>, so an interrupted or failed report leaves no new rows beside an earlier run's reports.
    /// </summary>
    public string Reserve(string name)
    {
        Guard(name);
        var final = Path.Combine(options.OutputDirectory, name);
        _files.Add((final + ".partial", final));
        return final + ".partial";
    }

    /// <summary>The error for an exception that stopped the output from being written.</summary>
    public StudyException Unwritable(Exception ex) =>
        new([new StudyError(options.OutputDirectory, 0, 0, $"the output cannot be written: {ex.Message}")]);

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

        // Rows first, as the result promises, then the others as they were written.
        return [.. _files.Select(f => f.Final).OrderBy(f => Path.GetFileName(f) == RowsName ? 0 : 1)];
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

    /// <summary>Refuses an output name that is one of the study's own inputs (a population file <c>advice.csv</c> in the output directory, say): the run would replace what it reads.</summary>
    private void Guard(string name)
    {
        // By identity as well as by name: the output folder may reach an input through a link.
        var final = Path.GetFullPath(Path.Combine(options.OutputDirectory, name));
        if (study.Inputs.Any(input => PathComparer.Equals(input, final) || FileIdentity.AreSame(final, input)))
        {
            Abandon();
            throw new StudyException([new StudyError(options.OutputDirectory, 0, 0, $"the output '{name}' would replace the study's input {final}; write the output to another directory")]);
        }
    }
}
