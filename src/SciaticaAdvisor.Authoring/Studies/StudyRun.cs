using System.Diagnostics;
using System.Threading.Channels;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Memory;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One run of a study: profiles are cut into chunks that the thread pool advises under every variant
/// while one writer takes the chunks in order, so memory stays flat (a bounded number of chunks in
/// flight and one row group) whatever the population's size, and every core advises.
/// </summary>
internal sealed partial class StudyRun(Study study, StudyRunOptions options, IProgress<StudyProgress>? progress)
{
    private const int ChunkProfiles = 256;

    private static readonly int InFlightChunks = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly StudyTexts _texts = new();

    private readonly OutcomeTable _outcomes = new();

    private readonly VariantGroup[] _groups = VariantGroup.Of(study.Compiled, options.ClassesKept);

    private readonly System.Collections.Immutable.ImmutableArray<CompiledVariant> _variants = study.Compiled;

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
        var faults = new long[study.Compiled.Length];
        var firstFaults = new string?[study.Compiled.Length];
        await using (var sink = await output.OpenRowsAsync(cancellationToken))
        {
            try
            {
                var members = study.Population.Read(invalid.Add, cancellationToken).Where(m => options.Shard?.Holds(m.Index) ?? true);
                var pool = new RowBlockPool(ChunkProfiles, study.Compiled.Length, _texts);
                await RunPipelineAsync(members, pool, async block =>
                {
                    await sink.WriteAsync(block, cancellationToken);
                    foreach (ref readonly var row in block.Outcomes)
                    {
                        if (row.Fault is not null)
                        {
                            faults[row.VariantIndex]++;
                            firstFaults[row.VariantIndex] ??= row.Fault;
                        }

                        if (whole && options.WriteReports)
                        {
                            tally.Add(row);
                            if (row.VariantIndex == 0 && firstProfiles.Count < Sensitivity.PerturbedProfiles)
                            {
                                firstProfiles.Add(row.Input);
                            }
                        }
                    }

                    rows += block.Count;
                    profiles += block.Count / study.Compiled.Length;
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

        if (whole && options.WriteReports)
        {
            // Written under temporary names too, and committed with the rows: an interrupted or failed report
            // never leaves this run's rows beside an earlier run's summary and charts.
            try
            {
                var grid = study.Population as GridPopulation;
                var exact = grid is not null && !tally.Kept.IsEmpty;
                var sensitivity = exact
                    ? Sensitivity.OfGrid(grid!, tally)
                    : Sensitivity.OfProfiles(firstProfiles, study.Compiled, factors, cancellationToken);
                StudyReports.Write(study, tally, sensitivity, exact, output, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                output.Abandon();
                throw output.Unwritable(ex);
            }
            catch
            {
                output.Abandon();
                throw;
            }
        }

        var files = output.Commit();

        return new StudyResult
        {
            Profiles = profiles,
            Rows = rows,
            Files = files,
            Removed = output.Removed,
            Elapsed = clock.Elapsed,
            Faults = [.. study.Variants.Select((v, i) => (v, i)).Where(f => faults[f.i] > 0).Select(f => new StudyFault(f.v.Name, faults[f.i], firstFaults[f.i]!))],
        };
    }

    private async Task RunPipelineAsync(IEnumerable<PopulationMember> members, RowBlockPool pool, Func<RowBlock, Task> write, CancellationToken cancellationToken)
    {
        // Advisors on one side, the writer on the other: a bounded number of chunks is in flight, each
        // advised on the thread pool, and the writer takes them in population order.
        var inFlight = Channel.CreateBounded<Task<RowBlock>>(new BoundedChannelOptions(InFlightChunks)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(members, pool, inFlight.Writer, stop.Token), CancellationToken.None);
        var young = new YoungGenerationBound(YoungBytes());
        try
        {
            await foreach (var chunk in inFlight.Reader.ReadAllAsync(CancellationToken.None))
            {
                var block = await chunk;
                await write(block);
                pool.Return(block);
                young.Check();
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

    /// <summary>The young generation's bound: <see cref="YoungGenerationBound.DefaultBytes"/>, or <c>SCIATICA_STUDY_YOUNG_MB</c> (a measuring aid, as <c>batch</c>'s; 0 leaves the runtime's own).</summary>
    private static long YoungBytes() =>
        int.TryParse(Environment.GetEnvironmentVariable("SCIATICA_STUDY_YOUNG_MB"), out var megabytes) && megabytes >= 0 ? megabytes * 1024L * 1024 : YoungGenerationBound.DefaultBytes;

    private async Task ProduceAsync(IEnumerable<PopulationMember> members, RowBlockPool pool, ChannelWriter<Task<RowBlock>> chunks, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<PopulationMember>(ChunkProfiles);
            foreach (var member in members)
            {
                chunk.Add(member);
                if (chunk.Count == ChunkProfiles)
                {
                    var full = chunk;
                    await chunks.WriteAsync(Task.Run(() => Advise(full, pool), CancellationToken.None), cancellationToken);
                    chunk = new List<PopulationMember>(ChunkProfiles);
                }
            }

            if (chunk.Count > 0)
            {
                await chunks.WriteAsync(Task.Run(() => Advise(chunk, pool), CancellationToken.None), cancellationToken);
            }
        }
        finally
        {
            chunks.Complete();
        }
    }

    /// <summary>Advises a chunk under every variant, group by group, and reads its rows, profile by profile, into a block.</summary>
    private RowBlock Advise(List<PopulationMember> chunk, RowBlockPool pool)
    {
        var variants = study.Compiled;
        var block = pool.Rent();
        var scratch = block.Scratch;
        var profiles = scratch.Profiles.AsSpan(0, chunk.Count);
        for (var i = 0; i < profiles.Length; i++)
        {
            profiles[i] = chunk[i].Profile;
        }

        foreach (var group in _groups)
        {
            AdviseGroup(group, profiles, scratch);
        }

        for (var i = 0; i < profiles.Length; i++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                block.Add(new StudyRow(chunk[i].Index, profiles[i], v, variants[v], scratch.Cells[v][i]));
            }
        }

        block.Fill();
        return block;
    }

    /// <summary>
    /// The one place profiles are advised: a chunk under one variant, with the library's exact advice
    /// cache. A profile the variant's rules fault on gets the fault's message instead of an advice, as
    /// <c>batch</c> answers it with a fault line; the others are advised all the same.
    /// </summary>
    /// <remarks>One call a chunk, so a batch entry point of the library (advising a chunk at once) can take its place.</remarks>
    internal static void AdviseChunk(Advisor advisor, ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice?> advice, Span<string?> faults)
    {
        try
        {
            // One engine session per few dozen first-seen classes; a fault leaves its slot null.
            advisor.AdviseMany(profiles, advice!);
            return;
        }
        catch (RuleSetFaultException)
        {
        }

        // Ask again, one by one, only for what the chunk left without advice: each fault gets the
        // message Advise gives that profile, and the rest came from the call above.
        for (var i = 0; i < profiles.Length; i++)
        {
            if (advice[i] is not null)
            {
                continue;
            }

            try
            {
                advice[i] = advisor.Advise(profiles[i]);
            }
            catch (RuleSetFaultException ex)
            {
                faults[i] = ex.Message;
            }
        }
    }

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
