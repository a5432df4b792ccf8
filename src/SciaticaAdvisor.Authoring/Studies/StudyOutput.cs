using System.Collections.Immutable;
using System.Text.Json;
using SciaticaAdvisor.Files;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The files of one run, written under temporary names and renamed into place only when complete, so an
/// interrupted or failed run never leaves a file that looks finished.
/// </summary>
/// <remarks>
/// A run that completes lists the reports it wrote (the summaries and charts beside the rows) in a
/// manifest (<c>.sciatica-study.json</c>, a shard's <c>.sciatica-study.part-K-of-N.json</c>). The next
/// run of the same kind into the folder removes the reports the earlier one listed and it did not
/// write again (a dropped variant's charts), so no report is left looking like this run's. Rows and
/// provenance are never removed: another format's rows (<c>advice.parquet</c> beside a later
/// <c>advice.csv</c>) and a whole run's rows beside shards are data, each with its provenance in its
/// metadata. Only names a manifest lists are ever removed, and only plain file names in the folder
/// that are none of the study's inputs: a file the tool did not write is never touched.
/// </remarks>
internal sealed class StudyOutput(Study study, StudyRunOptions options)
{
    private const string ManifestPrefix = ".sciatica-study";

    /// <summary>The stems of the rows' and the provenance's names, never a report's.</summary>
    private const string RowsStem = "advice", ProvenanceStem = "provenance";

    private static readonly StringComparer PathComparer = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private readonly List<(string Temporary, string Final)> _files = [];

    /// <summary>The names of the reports this run wrote (<see cref="Reserve"/>): what its manifest lists.</summary>
    private readonly List<string> _reports = [];

    /// <summary>The rows' file name: <c>advice.parquet</c>, <c>advice.part-K-of-N.csv</c>.</summary>
    public string RowsName => RowsStem + (options.Shard is { } shard ? "." + shard : "") + (options.Format == StudyFormat.Csv ? ".csv" : ".parquet");

    public async Task<IRowSink> OpenRowsAsync(CancellationToken cancellationToken)
    {
        var provenanceName = ProvenanceStem + (options.Shard is { } shard ? "." + shard : "") + ".json";
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
        _reports.Add(name);
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

        Removed = RemoveEarlierRuns();

        // Rows first, as the result promises, then the others as they were written.
        return [.. _files.Select(f => f.Final).OrderBy(f => Path.GetFileName(f) == RowsName ? 0 : 1)];
    }

    /// <summary>The files of earlier runs that <see cref="Commit"/> removed, by full path.</summary>
    public ImmutableArray<string> Removed { get; private set; } = [];

    /// <summary>This run's manifest's name.</summary>
    private string ManifestName => ManifestPrefix + (options.Shard is { } shard ? "." + shard : "") + ".json";

    /// <summary>Removes the reports the earlier run of this kind listed and this run did not write, then writes this run's manifest.</summary>
    private ImmutableArray<string> RemoveEarlierRuns()
    {
        var written = _files.Select(f => Path.GetFileName(f.Final)).ToHashSet(PathComparer);
        var removed = ImmutableArray.CreateBuilder<string>();
        var manifest = Path.Combine(options.OutputDirectory, ManifestName);
        try
        {
            foreach (var listed in File.Exists(manifest) ? Listed(manifest) : [])
            {
                var path = Path.Combine(options.OutputDirectory, listed);
                if (!written.Contains(listed) && File.Exists(path) && !IsInput(path))
                {
                    File.Delete(path);
                    removed.Add(path);
                }
            }

            var temporary = manifest + ".partial";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteStartArray("reports");
                foreach (var name in _reports.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            File.Move(temporary, manifest, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StudyException([new StudyError(options.OutputDirectory, 0, 0,
                $"this run's files are written, but an earlier run's reports could not be removed or the list of them updated: {ex.Message}")]);
        }

        return removed.ToImmutable();
    }

    /// <summary>The plain file names a manifest lists; none when it is not one this tool wrote (then nothing is removed on its word). Never a rows or provenance file.</summary>
    private static IEnumerable<string> Listed(string manifest)
    {
        var names = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("reports", out var files)
                || files.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind == JsonValueKind.String && file.GetString() is { } name)
                {
                    names.Add(name);
                }
            }
        }
        catch (JsonException)
        {
            return [];
        }

        return names.Where(name => name.Length > 0
            && name == Path.GetFileName(name)
            && name is not "." and not ".."
            && !name.StartsWith(ManifestPrefix, StringComparison.Ordinal)
            && !name.StartsWith(RowsStem + ".", StringComparison.Ordinal)
            && !name.StartsWith(ProvenanceStem + ".", StringComparison.Ordinal));
    }

    private bool IsInput(string path)
    {
        var full = Path.GetFullPath(path);
        return study.Inputs.Any(input => PathComparer.Equals(input, full) || FileIdentity.AreSame(full, input));
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
        if (IsInput(final))
        {
            Abandon();
            throw new StudyException([new StudyError(options.OutputDirectory, 0, 0, $"the output '{name}' would replace the study's input {final}; write the output to another directory")]);
        }
    }
}
