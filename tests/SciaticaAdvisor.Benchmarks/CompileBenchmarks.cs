using BenchmarkDotNet.Attributes;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>Loading, checking and compiling a rule set into an advisor.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _rules = "";

    [Params(10, 50, 200)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup() => _rules = SyntheticRuleSet.Generate(Rules);

    [Benchmark]
    public Advisor Compile() => new AdvisorBuilder().AddRules(_rules, "synthetic.yaml").Build();
}
