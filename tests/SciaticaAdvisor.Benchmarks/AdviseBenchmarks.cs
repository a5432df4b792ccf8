using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Benchmarks.Comparison;
using SciaticaAdvisor.Reference;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>One advice per call for the fixed mix of profiles, through each implementation; the hand-coded one is the baseline.</summary>
[MemoryDiagnoser]
public class AdviseBenchmarks
{
    private readonly HandCodedAdvisor _handCoded = new();
    private Advisor _library = null!;
    private Advisor _libraryCached = null!;
    private RulesEngineAdvisor _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Uncached: every call runs the rules, as the targets ask; the cached advisor is measured beside it.
        _library = new AdvisorBuilder().UseAdviceCache(0).Build();
        _libraryCached = Advisor.CreateDefault();
        _rulesEngine = new RulesEngineAdvisor(_library);
        foreach (var profile in Profiles.Mix)
        {
            // The comparison is fair only if both engines run the same rules to the same advice.
            var expected = AdvisorJson.Serialize(_library.Advise(profile));
            if (AdvisorJson.Serialize(_rulesEngine.Advise(profile)) != expected)
            {
                throw new InvalidOperationException("RulesEngine and NRules disagree on a benchmark profile.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 4)]
    public MassageAdvice HandCoded() => Run(_handCoded.Advise);

    [Benchmark(OperationsPerInvoke = 4)]
    public MassageAdvice Library() => Run(_library.Advise);

    [Benchmark(OperationsPerInvoke = 4)]
    public MassageAdvice LibraryCached() => Run(_libraryCached.Advise);

    [Benchmark(OperationsPerInvoke = 4)]
    public MassageAdvice RulesEngine() => Run(_rulesEngine.Advise);

    private static MassageAdvice Run(Func<SciaticaAdvisor.Profiles.SymptomProfile, MassageAdvice> advise)
    {
        MassageAdvice last = null!;
        foreach (var profile in Profiles.Mix)
        {
            last = advise(profile);
        }

        return last;
    }
}
