using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using SciaticaAdvisor.Benchmarks;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>
/// Runs every benchmark once in-process with BenchmarkDotNet's dry job: not a measurement (no
/// timing is asserted anywhere in the tests), only proof that each benchmark still sets up and runs.
/// </summary>
public class BenchmarkSmokeTests
{
    [Theory]
    [InlineData(typeof(AdviseBenchmarks))]
    [InlineData(typeof(CompileBenchmarks))]
    [InlineData(typeof(ScalingBenchmarks))]
    [InlineData(typeof(JsonBenchmarks))]
    [InlineData(typeof(Benchmarks.Comparison.RulesEngineBenchmarks))]
    public void Benchmark_RunsOnceWithoutError(Type benchmarks)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "sciatica-bench-smoke"));

        var summary = BenchmarkRunner.Run(benchmarks, config);

        summary.HasCriticalValidationErrors.Should().BeFalse();
        summary.Reports.Should().NotBeEmpty().And.OnlyContain(r => r.Success);
    }
}
