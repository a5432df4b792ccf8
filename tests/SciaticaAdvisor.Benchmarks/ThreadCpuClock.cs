using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that reads the benchmark thread's CPU time (<see cref="ThreadCpuTime"/>)
/// instead of the wall: on a machine shared with other builds, wall time counts the waits for a
/// core, CPU time only what the benchmark ran.
/// </summary>
/// <remarks>
/// <para>
/// In-process only: the clock must be read on the thread that runs the workload, and an
/// out-of-process benchmark cannot be given an instance. A collection of the youngest generations
/// runs on the allocating thread, so it is counted; a background collection of the oldest runs on
/// the runtime's own thread and is not. Compare rows of one run as ratios; a quiet machine's wall
/// clock remains the figure to publish.
/// </para>
/// <para><c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- --filter ... --cpu-clock</c> (implies in-process).</para>
/// </remarks>
internal sealed class ThreadCpuClock : IClock
{
    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    // Nanoseconds: clock_gettime's unit.
    public Frequency Frequency { get; } = new(1e9);

    public long GetTimestamp() => ThreadCpuTime.Nanoseconds();

    /// <summary>Strips <c>--cpu-clock</c> from the arguments; when it was there, a config whose jobs run in-process on this clock.</summary>
    public static IConfig? ConfigFrom(ref string[] args)
    {
        if (!args.Contains("--cpu-clock"))
        {
            return null;
        }

        args = [.. args.Where(a => a != "--cpu-clock")];
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithClock(Instance).AsMutator());
    }
}
