using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>One advice per call for the fixed mix of profiles, through each implementation.</summary>
[MemoryDiagnoser]
public class AdviseBenchmarks
{
    private Advisor _library = null!;

    [GlobalSetup]
    public void Setup() => _library = Advisor.CreateDefault();

    [Benchmark(OperationsPerInvoke = 4)]
    public MassageAdvice Library()
    {
        MassageAdvice last = null!;
        foreach (var profile in Profiles.Mix)
        {
            last = _library.Advise(profile);
        }

        return last;
    }
}
