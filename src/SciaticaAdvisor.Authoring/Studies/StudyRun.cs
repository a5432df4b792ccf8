using System.Diagnostics;
using System.Threading.Channels;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One run of a study: profiles are cut into chunks that the thread pool advises under every variant
/// while one writer takes the chunks in order, so memory stays flat (a bounded number of chunks in
/// flight and one row group) whatever the population's size, and every core advises.
/// </summary>
internal sealed class StudyRun(Study study, StudyRunOptions options, IProgress<StudyProgress>? progress)
{
    private const int ChunkProfiles = 256;

    public async Task<StudyResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = new StudyOutput(study, options);
        var whole = options.Shard is null;
        var factors = StudyFactor.Of(study.Population);
        var tally = new OutcomeTally(study.Compiled.Length, factors, study.Population);
        var firstProfiles = new List<SymptomProfile>();
        var invalid = new List<StudyError>();
        var total = study.Population.Count is { } n && options.Shard is { } s ? (n / s.Count) + (n % s.Count >= s.Number ? 1 : 0) : study.Population.Count;
        var profiles = 0L;
        var rows = 0L;
        await using (var sink = await output.OpenRowsAsync(cancellationToken))
        {
            try
            {
                var members = study.Population.Read(invalid.Add, cancellationToken).Where(m => options.Shard?.Holds(m.Index) ?? true);
                await RunPipelineAsync(members, async chunk =>
                {
                    await sink.WriteAsync(chunk, cancellationToken);
                    foreach (var row in chunk)
                    {
                        if (whole && options.WriteReports)
                        {
                            tally.Add(row);
                            if (row.VariantIndex == 0 && firstProfiles.Count < Sensitivity.PerturbedProfiles)
                            {
                                firstProfiles.Add(row.Input);
                            }
                        }
                    }

                    rows += chunk.Count;
                    profiles += chunk.Count / study.Compiled.Length;
                    progress?.Report(new StudyProgress(profiles, rows, total));
                }, cancellationToken);
                if (invalid.Count > 0)
                {
                    throw new StudyException([.. invalid.Take(20), .. invalid.Count > 20 ? [new StudyError(invalid[0].Source, 0, 0, $"and {invalid.Count - 20} more invalid profiles")] : Array.Empty<StudyError>()]);
                }

                await sink.CompleteAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                // A full disk, or a population file that fails halfway: either way the run is the user's to fix, not a fault.
                output.Abandon();
                throw new StudyException([new StudyError(options.OutputDirectory, 0, 0, $"a file could not be read or written: {ex.Message}")]);
            }
            catch
            {
                output.Abandon();
                throw;
            }
        }

        var files = output.Commit();
        if (whole && options.WriteReports)
        {
            var sensitivity = study.Population is GridPopulation grid && !tally.Kept.IsEmpty
                ? Sensitivity.OfGrid(grid, tally)
                : Sensitivity.OfProfiles(firstProfiles, study.Compiled, factors);
            files = [.. files, .. StudyReports.Write(study, tally, sensitivity, options.OutputDirectory)];
        }

        return new StudyResult { Profiles = profiles, Rows = rows, Files = files, Elapsed = clock.Elapsed };
    }

    private async Task RunPipelineAsync(IEnumerable<PopulationMember> members, Func<List<StudyRow>, Task> write, CancellationToken cancellationToken)
    {
        var inFlight = Channel.CreateBounded<Task<List<StudyRow>>>(new BoundedChannelOptions(Math.Max(2, Environment.ProcessorCount * 2))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(members, inFlight.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in inFlight.Reader.ReadAllAsync(CancellationToken.None))
            {
                await write(await chunk);
            }
        }
        catch
        {
            await stop.CancelAsync();
            while (inFlight.Reader.TryRead(out var left))
            {
                await Observe(left);
            }

            await Observe(producer);
            throw;
        }

        await producer;
    }

    private async Task ProduceAsync(IEnumerable<PopulationMember> members, ChannelWriter<Task<List<StudyRow>>> chunks, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<PopulationMember>(ChunkProfiles);
            foreach (var member in members)
            {
                chunk.Add(member);
                if (chunk.Count == ChunkProfiles)
                {
                    await chunks.WriteAsync(Advise(chunk), cancellationToken);
                    chunk = new List<PopulationMember>(ChunkProfiles);
                }
            }

            if (chunk.Count > 0)
            {
                await chunks.WriteAsync(Advise(chunk), cancellationToken);
            }
        }
        finally
        {
            chunks.Complete();
        }
    }

    private Task<List<StudyRow>> Advise(List<PopulationMember> chunk) => Task.Run(() =>
    {
        var rows = new List<StudyRow>(chunk.Count * study.Compiled.Length);
        foreach (var member in chunk)
        {
            for (var v = 0; v < study.Compiled.Length; v++)
            {
                var variant = study.Compiled[v];
                rows.Add(new StudyRow(member.Index, member.Profile, v, variant, variant.Advisor.Advise(member.Profile)));
            }
        }

        return rows;
    });

    private static async Task Observe(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031 // The first failure is already on its way up; this one is a leftover.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
