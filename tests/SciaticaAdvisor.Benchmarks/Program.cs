using BenchmarkDotNet.Running;
using SciaticaAdvisor.Benchmarks.Startup;

if (args.Length > 0 && args[0] == "startup")
{
    return StartupStages.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "engine-probe")
{
    return SciaticaAdvisor.Benchmarks.Pipeline.EngineProbe.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
