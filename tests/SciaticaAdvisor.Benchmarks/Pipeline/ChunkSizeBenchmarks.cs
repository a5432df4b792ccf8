using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Serialization;
using SymptomProfile = SciaticaAdvisor.Profiles.SymptomProfile;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>
/// Uncached advice of 1,024 sampled profiles: one <see cref="Advisor.Advise"/> each (the baseline)
/// against <see cref="Advisor.AdviseMany(ReadOnlySpan{SymptomProfile}, Span{MassageAdvice})"/> with
/// the profiles sharing an engine session in chunks of each size, to choose
/// <c>Advisor.DefaultChunkSize</c> by measurement.
/// </summary>
/// <remarks>
/// <para>
/// Both benchmarks do the same work to the same bytes (checked in the setup, which also warms both
/// paths) and keep the same thing alive: every advice at its profile's index until the next
/// invocation overwrites it, as a caller of <c>AdviseMany</c> keeps its results. Keeping only the
/// last advice on one side would let its advices die in the youngest generation while the other's
/// 1,024 are promoted and then collected from an older one.
/// </para>
/// <para>
/// BenchmarkDotNet gives every chunk size its own <c>Advise</c> row (a baseline per parameter
/// value, each in a process of its own): those rows are the same work, so they must agree with one
/// another within their error bars. When they do not, the process-to-process spread is larger than
/// the error bars say, and no ratio of the run can be trusted. <c>--job short</c> (3 iterations)
/// cannot give usable error bars here: the 99.9% interval of 3 samples is ±18 standard deviations
/// of the mean. Run the default job:
/// <c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- --filter '*ChunkSizeBenchmarks*'</c>.
/// Under load add <c>--inProcess --cpu-clock</c> (<see cref="ThreadCpuClock"/>): thread CPU time
/// instead of wall time.
/// </para>
/// </remarks>
// At least 6 warm-up iterations, and until the times settle, even under --job short (whose 3 can end
// while the JIT is still replacing the first tiers: the first rounds of an uncached advice run 5-8x
// slower than the settled ones, measured in thread CPU time).
[MinWarmupCount(6, forceAutoWarmup: true)]
[MemoryDiagnoser]
public class ChunkSizeBenchmarks
{
    /// <summary>Profiles per invocation: the first of <c>sample --seed 1</c>.</summary>
    public const int Size = 1024;

    private SymptomProfile[] _profiles = null!;
    private MassageAdvice[] _advices = null!;
    private Advisor _uncached = null!;

    /// <summary>The profiles sharing one engine session in <see cref="AdviseMany"/>; <see cref="Advise"/> ignores it.</summary>
    [Params(16, 32, 64, 128, 192)]
    public int ChunkSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _profiles = SampledProfiles.Profiles[..Size];
        _advices = new MassageAdvice[Size];
        _uncached = new AdvisorBuilder().UseAdviceCache(0).Build();

        // The ratio means something only if both do the same work to the same advice; this pass
        // also runs each path 1,024 times before BenchmarkDotNet's own warm-up.
        var many = new MassageAdvice[Size];
        _uncached.AdviseMany(_profiles, many, ChunkSize);
        for (var i = 0; i < Size; i++)
        {
            if (AdvisorJson.Serialize(many[i]) != AdvisorJson.Serialize(_uncached.Advise(_profiles[i])))
            {
                throw new InvalidOperationException($"AdviseMany at chunk size {ChunkSize} and Advise disagree on benchmark profile {i}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Size)]
    public MassageAdvice Advise()
    {
        var profiles = _profiles;
        var advices = _advices;
        for (var i = 0; i < profiles.Length; i++)
        {
            advices[i] = _uncached.Advise(profiles[i]);
        }

        return advices[^1];
    }

    [Benchmark(OperationsPerInvoke = Size)]
    public MassageAdvice AdviseMany()
    {
        _uncached.AdviseMany(_profiles, _advices, ChunkSize);
        return _advices[^1];
    }
}
