using System.Diagnostics;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// Follows how many chunks are being advised at once over a run, for <c>SCIATICA_BATCH_STATS</c>: the
/// cores a batch keeps busy are the chunks advised at once plus the reader's, the writer's, the JIT's
/// and the collector's work, so this tells an idle core behind a slow chunk or a busy thread pool apart
/// from the rest.
/// </summary>
/// <remarks>Wall-clock figures: they mean something only on an otherwise idle machine. Three locked updates a chunk.</remarks>
internal sealed class AdvisingClock(int cores)
{
    private readonly Lock _lock = new();
    private int _queued;
    private int _running;
    private long _first;
    private long _last;
    private long _advisingTicks;
    private long _starvedTicks;

    /// <summary>From the first chunk queued to the last one advised.</summary>
    public TimeSpan Span => Stopwatch.GetElapsedTime(_first, _last);

    /// <summary>How many chunks were advised at once, on average over <see cref="Span"/>.</summary>
    public double MeanAdvising => _last == _first ? 0 : _advisingTicks / (double)(_last - _first);

    /// <summary>How long a chunk waited for a thread of the pool while fewer chunks than cores were advised.</summary>
    public TimeSpan Starved => TimeSpan.FromSeconds(_starvedTicks / (double)Stopwatch.Frequency);

    /// <summary>A chunk was handed to the thread pool.</summary>
    public void Queued() => Change(1, 0);

    /// <summary>A thread began to advise a chunk.</summary>
    public void Started() => Change(-1, 1);

    /// <summary>A chunk is advised.</summary>
    public void Finished() => Change(0, -1);

    private void Change(int queued, int running)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_first == 0)
            {
                _first = now;
            }
            else
            {
                var elapsed = now - _last;
                _advisingTicks += elapsed * _running;
                if (_queued > 0 && _running < cores)
                {
                    _starvedTicks += elapsed;
                }
            }

            _last = now;
            _queued += queued;
            _running += running;
        }
    }
}
