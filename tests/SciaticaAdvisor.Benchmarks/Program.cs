using BenchmarkDotNet.Running;
using SciaticaAdvisor.Benchmarks;
using SciaticaAdvisor.Benchmarks.Startup;

if (args.Length > 0 && args[0] == "startup")
{
    return StartupStages.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "engine-probe")
{
    return SciaticaAdvisor.Benchmarks.Pipeline.EngineProbe.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "engine-alloc")
{
    return SciaticaAdvisor.Benchmarks.Pipeline.AllocationProbe.Run(args[1..]);
}

// --cpu-clock: in-process, on the benchmark thread's CPU time (ThreadCpuClock), for a loaded machine.
var config = ThreadCpuClock.ConfigFrom(ref args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
