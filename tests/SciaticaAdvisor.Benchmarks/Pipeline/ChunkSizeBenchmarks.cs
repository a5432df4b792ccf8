using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;
using SymptomProfile = SciaticaAdvisor.Profiles.SymptomProfile;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>
/// Uncached advice of sampled profiles: one <see cref="Advisor.Advise"/> each (the baseline) against
/// <see cref="Advisor.AdviseMany(ReadOnlySpan{SymptomProfile}, Span{MassageAdvice})"/> with
/// the profiles sharing an engine session in chunks of each size.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- --filter '*ChunkSizeBenchmarks*' --job short</c>; compare the ratios.</remarks>
[MemoryDiagnoser]
public class ChunkSizeBenchmarks
{
    private SymptomProfile[] _profiles = null!;
    private MassageAdvice[] _advices = null!;
    private Advisor _uncached = null!;

    [Params(1, 16, 32, 48, 64)]
    public int ChunkSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _profiles = SampledProfiles.Profiles[..1024];
        _advices = new MassageAdvice[_profiles.Length];
        _uncached = new AdvisorBuilder().UseAdviceCache(0).Build();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1024)]
    public MassageAdvice Advise()
    {
        foreach (var profile in _profiles)
        {
            _advices[0] = _uncached.Advise(profile);
        }

        return _advices[0];
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public MassageAdvice AdviseMany()
    {
        _uncached.AdviseMany(_profiles, _advices, ChunkSize);
        return _advices[^1];
    }
}
