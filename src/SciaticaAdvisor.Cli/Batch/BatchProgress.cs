using System.Diagnostics;
using System.Globalization;
using SciaticaAdvisor.Cli.Input;
using SciaticaAdvisor.Cli.Terminal;
using Spectre.Console;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// Shows a batch's progress on standard error while it runs, only when that is a terminal: lines done,
/// lines a second and, for a file, how far through it is and the time left. Cleared at the end, so the
/// summary line stands alone and a redirected standard error gets nothing but the summary.
/// </summary>
internal static class BatchProgress
{
    /// <summary>
    /// How often the line is drawn again: twice a second, not Spectre's ten times. Each drawing measures
    /// the width of every character of the line, much of it in code the JIT has not optimized yet; at ten
    /// a second that was 6.8% of a slow (load-bound) batch's CPU samples (docs/performance.md).
    /// </summary>
    public static readonly TimeSpan RefreshRate = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs <paramref name="work"/>, which reports the number of lines done after each chunk it writes.</summary>
    public static async Task RunAsync(CliContext context, BatchInput input, Func<Func<int, ValueTask>, Task> work)
    {
        if (!context.ErrorIsTerminal)
        {
            await work(_ => ValueTask.CompletedTask);
            return;
        }

        var size = input.Length is > 0 and var length ? length : (long?)null;
        var columns = new List<ProgressColumn> { new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left } };
        if (size is not null)
        {
            columns.AddRange([new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()]);
        }

        var progress = TerminalConsole.For(context.Error, isTerminal: true).Progress()
            .AutoClear(true)
            .Columns([.. columns]);
        progress.RefreshRate = RefreshRate;
        await progress.StartAsync(async display =>
            {
                var task = display.AddTask("starting", maxValue: size ?? 1);
                task.IsIndeterminate = size is null;
                var clock = Stopwatch.StartNew();
                await work(lines =>
                {
                    // Once a chunk (64 lines): often enough to look alive, rarely enough to cost nothing.
                    var rate = lines / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{lines} lines, {rate:0} lines/s");
                    task.Value = input.BytesRead;

                    return ValueTask.CompletedTask;
                });
                task.Value = task.MaxValue;
            });
    }
}
