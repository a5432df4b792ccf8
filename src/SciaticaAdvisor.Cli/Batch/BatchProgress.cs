using System.Diagnostics;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>Shows how many lines are done on standard error, a few times a second, when it is a terminal.</summary>
internal sealed class BatchProgress(TextWriter terminal, bool enabled)
{
    private static readonly long Interval = Stopwatch.Frequency / 4;

    private long _next = Stopwatch.GetTimestamp() + Interval;
    private bool _shown;

    public async ValueTask ReportAsync(int lines)
    {
        if (!enabled || Stopwatch.GetTimestamp() < _next)
        {
            return;
        }

        _next = Stopwatch.GetTimestamp() + Interval;
        _shown = true;
        await terminal.WriteAsync($"\r{lines} lines…");
        await terminal.FlushAsync();
    }

    /// <summary>Clears the progress so the summary line starts clean.</summary>
    public async ValueTask ClearAsync()
    {
        if (_shown)
        {
            await terminal.WriteAsync("\r\u001b[K");
        }
    }
}
