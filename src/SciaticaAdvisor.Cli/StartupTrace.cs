using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace SciaticaAdvisor.Cli;

/// <summary>
/// Where a run's start-up goes, for <c>SCIATICA_ADVISOR_TRACE_STARTUP=1</c>: each stage's wall time
/// since <c>Main</c>, the process's CPU time and how many methods the JIT had compiled by then,
/// written to standard error when the run ends.
/// </summary>
/// <remarks>
/// Names stages only, never input: a profile is health data. Off (null on <see cref="CliContext.Trace"/>)
/// unless the variable is set, so an ordinary run pays nothing for it.
/// </remarks>
internal sealed class StartupTrace
{
    public const string Variable = "SCIATICA_ADVISOR_TRACE_STARTUP";

    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<(string Stage, double Wall, double Cpu, long Jitted, double JitMs)> _marks = new();

    /// <summary>A trace started now, or null when <see cref="Variable"/> is not <c>1</c>.</summary>
    public static StartupTrace? FromEnvironment() => Environment.GetEnvironmentVariable(Variable) == "1" ? new StartupTrace() : null;

    /// <summary>Records that <paramref name="stage"/> has just ended; safe from any thread.</summary>
    public void Mark(string stage) =>
        _marks.Enqueue((
            stage,
            Stopwatch.GetElapsedTime(_start).TotalMilliseconds,
            Environment.CpuUsage.TotalTime.TotalMilliseconds,
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime().TotalMilliseconds));

    /// <summary>Writes the stages, and how long the process ran before <c>Main</c>.</summary>
    public void Write(TextWriter error)
    {
        // The start time comes from the kernel in clock ticks (10 ms on Linux): an estimate, not a measure.
        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var beforeMain = sinceStart - Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
        var invariant = CultureInfo.InvariantCulture;
        error.WriteLine(string.Create(invariant, $"startup: about {beforeMain:F0} ms from the process's start to Main (10 ms resolution)"));
        error.WriteLine("startup:  wall ms   cpu ms  jitted  jit ms  stage ended");
        foreach (var (stage, wall, cpu, jitted, jitMs) in _marks)
        {
            error.WriteLine(string.Create(invariant, $"startup: {wall,8:F1} {cpu,8:F1} {jitted,7} {jitMs,7:F1}  {stage}"));
        }

        error.WriteLine($"startup: dynamic code {(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled ? "compiled" : "interpreted")}, multicore JIT profile {(JitProfile.IsOn ? "on" : "off")}");
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Select(NameOf).OfType<string>().Order(StringComparer.Ordinal).ToList();
        error.WriteLine($"startup: {assemblies.Count} assemblies loaded: {string.Join(", ", assemblies)}");
    }

    /// <summary>The assembly's simple name, or null for a satellite resource assembly whose culture cannot be made.</summary>
    /// <remarks>
    /// A native AOT binary lists its satellite resource assemblies too, and their names (GetName() and
    /// FullName alike) build their culture ("cs"), which invariant globalization refuses.
    /// </remarks>
    private static string? NameOf(System.Reflection.Assembly assembly)
    {
        try
        {
            return assembly.GetName().Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
