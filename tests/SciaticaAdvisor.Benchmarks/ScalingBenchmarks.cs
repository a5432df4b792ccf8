using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>The cost of one advice as the rule count grows.</summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private Advisor _advisor = null!;

    [Params(10, 50, 200)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup() => _advisor = new AdvisorBuilder().AddRules(SyntheticRuleSet.Generate(Rules), "synthetic.yaml").UseAdviceCache(0).Build();

    [Benchmark(OperationsPerInvoke = 2)]
    public MassageAdvice Advise()
    {
        _advisor.Advise(Profiles.Mix[0]);
        return _advisor.Advise(Profiles.Mix[1]);
    }
}
