using System.Diagnostics;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>Shows how many lines are done on standard error, a few times a second, when it is a terminal.</summary>
internal sealed class BatchProgress(TextWriter terminal, bool enabled, TimeSpan interval)
{
    /// <summary>Often enough to look alive, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly long _interval = (long)(interval.TotalSeconds * Stopwatch.Frequency);
    private long _next = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency);
    private bool _shown;

    public async ValueTask ReportAsync(int lines)
    {
        if (!enabled || Stopwatch.GetTimestamp() < _next)
        {
            return;
        }

        _next = Stopwatch.GetTimestamp() + _interval;
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
