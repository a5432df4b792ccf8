using System.Runtime.InteropServices;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>
/// The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), which a loaded machine does not inflate
/// as it does wall time: what the probes and the start-up stages compare under load.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ThreadCpuClock = 3;

    /// <summary>This thread's CPU time so far, in microseconds.</summary>
    public static double Microseconds()
    {
        _ = ClockGetTime(ThreadCpuClock, out var time);
        return (time.Seconds * 1e6) + (time.Nanoseconds / 1000.0);
    }

    /// <summary>This thread's CPU time so far, in nanoseconds.</summary>
    public static long Nanoseconds()
    {
        _ = ClockGetTime(ThreadCpuClock, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
