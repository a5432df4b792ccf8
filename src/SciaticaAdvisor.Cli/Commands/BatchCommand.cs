using System.CommandLine;
using System.Diagnostics;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Cli.Input;
using SciaticaAdvisor.Cli.Output;
using SciaticaAdvisor.Files;
using SciaticaAdvisor.Memory;
using SciaticaAdvisor.Populations;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>batch --input FILE|- [--output FILE|-] [--format jsonl|csv]</c>: one answer line per input line, in order.</summary>
internal static class BatchCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor batch --input samples/profiles/intake.jsonl --output advice.jsonl",
        "sciatica-advisor batch --input samples/profiles/intake.csv --rules clinic.yaml",
        "sciatica-advisor sample --count 100 | sciatica-advisor batch --input - --output -",
        "sciatica-advisor batch --input intake.jsonl --output advice.jsonl --resume",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var input = new Option<string>("--input")
        {
            Description = "The profiles: JSON Lines (one profile a line) or CSV with a header row of property names; '-' reads standard input.",
            HelpName = "FILE",
            Required = true,
        };
        var output = new Option<string?>("--output")
        {
            Description = "Where to write the JSON Lines answers; standard output when absent or '-'.",
            HelpName = "FILE",
        };
        var format = new Option<string?>("--format")
        {
            Description = "The input's format: jsonl or csv. By default csv for a file ending in .csv, else jsonl.",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var resume = new Option<bool>("--resume")
        {
            Description = "Go on from an interrupted run: keep the answer lines already in --output FILE that its record "
                + "(FILE.resume) shows answer this input with this rule set, drop the rest, and answer the input from there on. "
                + "Refused (exit 2) when the record is missing or the output, the input or the rule set differ.",
        };

        var command = new Command(
            "batch",
            "Advises every profile in a file and writes one JSON line per input line, in input order: the advice, or "
            + "{\"line\":N,\"errors\":[{\"path\",\"message\"}]} for a line that is not a valid profile. Never stops at a bad "
            + "line; exits 2 when any line was invalid. A summary goes to standard error at the end. In CSV a set is one "
            + "cell with its values separated by ';' and an empty cell is 'not given'.")
        {
            input,
            output,
            format,
            resume,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context,
            parsed.GetRequiredValue(input),
            parsed.GetValue(output),
            parsed.GetValue(format),
            parsed.GetValue(resume),
            RulesOption.LayersOf(parsed, rules),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string inputPath, string? outputPath, string? format, bool resume, IReadOnlyList<string> layers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var toStandardOutput = OutputFile.IsStandardOutput(outputPath);
        if (resume && toStandardOutput)
        {
            throw new CommandFailure(ExitCodes.Invalid, "sciatica-advisor: --resume needs --output FILE, the answers of the run to go on from");
        }

        if (!toStandardOutput)
        {
            // Opening the output truncates it, which would destroy an input or a rule file before it is read.
            OutputFile.RefuseAliases(outputPath!, [
                .. inputPath == "-" ? [] : new[] { ("--input", inputPath) },
                .. layers.Where(l => l != RuleLayersLoader.DefaultLayer).Select(l => ("--rules", l))]);
        }

        using var input = BatchInput.Open(inputPath, format, context);
        using var items = input.ReadItems().GetEnumerator();
        context.Trace?.Mark("input opened");
        var advisor = context.Advisors.Load(layers);
        context.Trace?.Mark("rules loaded and compiled");

        // A file output keeps a record of what it answers, so a later --resume can prove it goes on
        // from it. A resumed run checks everything before it writes; a fresh one opens the output
        // first, so a folder that does not exist is named as the output's.
        if (resume && File.Exists(outputPath) && !FileIdentity.IsRegularFile(outputPath!))
        {
            throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: --resume needs --output to be a regular file; '{Quote.Escape(outputPath!)}' is not");
        }

        var record = toStandardOutput || !resume ? null : RunRecord.Resume(outputPath!, advisor.RuleSet, items);
        var answered = record?.Lines ?? 0;
        var writer = toStandardOutput ? context.Out
            : resume ? OutputFile.OpenToResume(outputPath!, record!.OutputBytes)
            : OutputFile.Open(outputPath!);
        // A device or a pipe (/dev/null, /dev/stdout) gets no record: there is nothing to resume, and no file to put beside it.
        var fresh = toStandardOutput || resume || !FileIdentity.IsRegularFile(outputPath!) ? null : RunRecord.Start(outputPath!, advisor.RuleSet);
        var kept = record ?? fresh;

        var summary = new BatchSummary();
        // SCIATICA_BATCH_YOUNG_MB, a measuring aid like SCIATICA_BATCH_STATS: another gen0 bound, or 0 for the runtime's own.
        var young = int.TryParse(Environment.GetEnvironmentVariable("SCIATICA_BATCH_YOUNG_MB"), out var megabytes) && megabytes >= 0
            ? megabytes * 1024L * 1024 : YoungGenerationBound.DefaultBytes;
        // SCIATICA_BATCH_INFLIGHT, the same kind of aid: chunks a core read ahead of the writer.
        var depth = int.TryParse(Environment.GetEnvironmentVariable("SCIATICA_BATCH_INFLIGHT"), out var perCore) && perCore > 0
            ? perCore : BatchPipeline.DefaultChunksPerCore;
        var pipeline = new BatchPipeline(advisor, context.BatchChunkLines, young, depth);
        // A file's written pages leave the page cache behind the writer; SCIATICA_BATCH_KEEP_CACHE=1, a
        // measuring aid like the two above, keeps them, to compare.
        var release = toStandardOutput || context.PageCacheWindow <= 0 || Environment.GetEnvironmentVariable("SCIATICA_BATCH_KEEP_CACHE") == "1"
            ? null : PageCacheRelease.For(((StreamWriter)writer).BaseStream, record?.OutputBytes ?? 0, context.PageCacheWindow);
        var firstWritten = false;
        try
        {
            kept?.Save();
            await BatchProgress.RunAsync(context, input, report => pipeline.RunAsync(
                Rest(items),
                async chunk =>
                {
                    await OutputFile.WriteUtf8Async(writer, chunk.Lines);
                    release?.WrittenTo(((StreamWriter)writer).BaseStream.Position);
                    summary.Add(chunk.Counts);
                    if (kept is not null)
                    {
                        await kept.AnsweredAsync(chunk, () => writer.FlushAsync(CancellationToken.None));
                    }

                    await report(summary.Lines);
                    if (context.Trace is { } trace && !firstWritten)
                    {
                        trace.Mark("first chunk's answers written");
                        firstWritten = true;
                    }
                },
                cancellationToken,
                kept?.Input));
            await writer.FlushAsync(CancellationToken.None);
            kept?.Save();
        }
        catch (IOException ex)
        {
            // Read failures arrive as CommandFailure (BatchInput); an IOException here is the output's.
            throw OutputFile.CannotWrite(outputPath, ex);
        }
        finally
        {
            if (!toStandardOutput)
            {
                await OutputFile.CloseQuietlyAsync(writer);
            }
        }

        if (answered > 0)
        {
            await context.Error.WriteLineAsync($"resumed after {answered} answered lines");
        }

        await context.Error.WriteLineAsync(summary.Format(clock.Elapsed));
        if (Environment.GetEnvironmentVariable("SCIATICA_BATCH_STATS") == "1")
        {
            // A measuring aid (docs/performance.md): counts only, nothing of any profile.
            var stats = pipeline.Stats;
            await context.Error.WriteLineAsync(
                $"pipeline: {stats.Chunks} chunks, {pipeline.InFlight} in flight, writer waited for {stats.WriterWaits} "
                + $"({stats.LoneWaits} the only one unfinished, {stats.LoneWaitTime.TotalMilliseconds:0} ms), reader waited {stats.ReaderWaits} times, "
                + $"{stats.Advising?.MeanAdvising:0.00} chunks advised at once over {stats.Advising?.Span.TotalSeconds:0.00} s "
                + $"({stats.Advising?.Starved.TotalMilliseconds:0} ms with a chunk waiting for a thread and a core not advising), "
                + $"{stats.InducedCollections} gen0 collections asked for ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 in all, "
                + $"{GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused); advice JSON copied {pipeline.Memo.Hits}, serialized {pipeline.Memo.Misses}, "
                + $"{pipeline.Memo.Bytes / 1024} KB kept; {release?.Dropped ?? 0} windows of output dropped from the page cache; {HeapFigures()}; "
                + $"{GC.GetTotalAllocatedBytes(precise: false) / 1048576.0:0} MB allocated; "
                + $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms");
        }
        if (summary.Faulted > 0)
        {
            await context.Error.WriteLineAsync($"sciatica-advisor: fault: the rule set broke a GUIDANCE invariant on {summary.Faulted} lines; each has a \"fault\" line in the output");
            return ExitCodes.Fault;
        }

        return summary.Invalid > 0 ? ExitCodes.Invalid : ExitCodes.Success;
    }

    /// <summary>The managed heap after the last collection, by generation, for <c>SCIATICA_BATCH_STATS</c>.</summary>
    private static string HeapFigures()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = string.Join(", ", Enumerable.Range(0, info.GenerationInfo.Length).Select(g =>
            $"gen{g} {info.GenerationInfo[g].SizeAfterBytes / 1048576.0:0.0} MB ({info.GenerationInfo[g].FragmentationAfterBytes / 1048576.0:0.0} free)"));
        return $"heap {info.HeapSizeBytes / 1048576.0:0.0} MB, committed {info.TotalCommittedBytes / 1048576.0:0.0} MB, working set {Environment.WorkingSet / 1048576.0:0.0} MB; {generations}";
    }

    /// <summary>The items after those a resumed run has already answered.</summary>
    private static IEnumerable<BatchItem> Rest(IEnumerator<BatchItem> items)
    {
        while (items.MoveNext())
        {
            yield return items.Current;
        }
    }
}
