using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using SciaticaAdvisor.Cli.Terminal;
using SciaticaAdvisor.Studies;
using Spectre.Console;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>sweep STUDY.yaml [--output DIR] [--format parquet|csv] [--shard K/N]</c>: a research study, one row per profile and variant.</summary>
internal static class SweepCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor sweep study.yaml --output results",
        "sciatica-advisor sweep study.yaml --output results --format csv",
        "sciatica-advisor sweep study.yaml --output results --shard 3/8",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var study = new Argument<string>("STUDY") { Description = "The study file (YAML): its population and rule-set variants (docs/studies.md)." };
        var output = new Option<string?>("--output")
        {
            Description = "The directory for advice.parquet (or .csv), provenance.json, summary.md, sensitivity.md and the charts; "
                + "by default STUDY's name followed by '-results', in the current directory.",
            HelpName = "DIR",
        };
        var format = new Option<string>("--format") { Description = "parquet (typed columns, provenance in the file metadata) or csv (RFC 4180).", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var shard = new Option<string?>("--shard")
        {
            Description = "Advise only shard K of N: the profiles whose index modulo N is K-1, into advice.part-K-of-N.parquet. "
                + "The N shards together hold exactly the rows of the whole study; the summary and charts are written only without --shard.",
            HelpName = "K/N",
        };

        var command = new Command(
            "sweep",
            "Advises a study's population under each of its rule-set variants and writes one row per profile and variant, with "
            + "a summary of the outcome shares, charts and a one-at-a-time sensitivity report. An invalid study file is exit 2 "
            + "with every error and its line and column. A variant whose rules fault on a profile gets a row with its 'fault' column "
            + "set for it; the run goes on, and exits 1 at the end.")
        {
            study,
            output,
            format,
            shard,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context,
            parsed.GetRequiredValue(study),
            parsed.GetValue(output),
            parsed.GetValue(format) == "csv" ? StudyFormat.Csv : StudyFormat.Parquet,
            parsed.GetValue(shard),
            RulesOption.LayersOf(parsed, rules),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string path, string? output, StudyFormat format, string? shardText, IReadOnlyList<string> layers, CancellationToken cancellationToken)
    {
        if (layers.Count > 0)
        {
            throw new CommandFailure(ExitCodes.Invalid, "sciatica-advisor: sweep takes its rules from the study file's variants, not from --rules");
        }

        StudyShard? shard = null;
        if (shardText is not null && !StudyShard.TryParse(shardText, out shard))
        {
            throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: --shard must be K/N with 1 <= K <= N, such as 3/8; was '{shardText}'");
        }

        // Ctrl-C cancels the run, which removes its .partial files, rather than killing the process with them
        // left behind; a second Ctrl-C kills it as usual.
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            try
            {
                signal.Cancel = !interrupted.IsCancellationRequested;
                interrupted.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A Ctrl-C as the run ends: the registration is gone, so the signal does what it would have.
                signal.Cancel = false;
            }
        });
        cancellationToken = interrupted.Token;
        try
        {
            var loaded = Study.Load(path);
            var options = new StudyRunOptions
            {
                OutputDirectory = output ?? Path.GetFileNameWithoutExtension(path) + "-results",
                Format = format,
                Shard = shard,
            };
            var result = await RunWithProgressAsync(context, loaded, options, cancellationToken);
            var more = result.Files.Length > 1 ? $" and {result.Files.Length - 1} more files in {options.OutputDirectory}" : "";
            await context.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Profiles} profiles x {loaded.Variants.Length} variants = {result.Rows} rows in {result.Elapsed.TotalSeconds:0.00} s; wrote {result.Files[0]}{more}"));
            if (!result.Removed.IsEmpty)
            {
                // Quoted: a file name is the user's text.
                await context.Error.WriteLineAsync(Quote.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"removed {result.Removed.Length} files an earlier run wrote there and this one did not: {string.Join(", ", result.Removed.Select(Path.GetFileName))}")));
            }

            if (result.Faults.IsEmpty)
            {
                return ExitCodes.Success;
            }

            // As batch does: every row is written, a fault row in the place of each advice that would break an invariant, and the run exits 1.
            foreach (var fault in result.Faults)
            {
                await context.Error.WriteLineAsync(Quote.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"sciatica-advisor: fault: the rules of variant '{fault.Variant}' faulted on {fault.Rows} of {result.Profiles} profiles; each has a row with its 'fault' column set and no advice. The first: {fault.FirstMessage}")));
            }

            return ExitCodes.Fault;
        }
        catch (StudyException ex)
        {
            throw new CommandFailure(ExitCodes.Invalid, [.. ex.Errors.Select(e => e.ToString())]);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            throw new CommandFailure(ExitCodes.Interrupted, "sciatica-advisor: interrupted: the run stopped and removed its partial files");
        }
    }

    private static async Task<StudyResult> RunWithProgressAsync(CliContext context, Study study, StudyRunOptions options, CancellationToken cancellationToken)
    {
        if (!context.ErrorIsTerminal)
        {
            return await study.RunAsync(options, null, cancellationToken);
        }

        StudyResult? result = null;
        var columns = new List<ProgressColumn> { new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left } };
        if (study.PopulationSize is not null)
        {
            columns.AddRange([new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()]);
        }

        await TerminalConsole.For(context.Error, isTerminal: true).Progress()
            .AutoClear(true)
            .Columns([.. columns])
            .StartAsync(async display =>
            {
                var total = study.PopulationSize is { } size ? (double)(options.Shard is { } s ? (size + s.Count - 1) / s.Count : size) : 1;
                var task = display.AddTask("starting", maxValue: total);
                task.IsIndeterminate = study.PopulationSize is null;
                var progress = new Progress<StudyProgress>(p =>
                {
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Profiles} profiles, {p.Rows} rows");
                    task.Value = Math.Min(p.Profiles, total);
                });
                result = await study.RunAsync(options, progress, cancellationToken);
                task.Value = total;
            });
        return result!;
    }
}
