using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Reference;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks.Comparison;

/// <summary>
/// The library against Microsoft RulesEngine on the same rules, to the same advice, uncached, on the
/// benchmark mix and on sampled profiles. RulesEngine is the baseline, so the Ratio column is the
/// library's time as a fraction of RulesEngine's (0.5 is twice as fast) with its spread (RatioSD);
/// the hand-coded advisor is the floor.
/// </summary>
/// <remarks>
/// The same work on both sides: the same profiles, no cache on either, no serialization in the
/// measured calls, each profile validated and each advice checked against the invariants
/// (<see cref="RulesEngineAdvisor.Advise"/> makes the checks <see cref="Advisor.Advise"/> makes), and
/// every advice kept until the next invocation. Run with the default job (<c>--job short</c>'s 3
/// iterations give error bars of ±18 standard deviations); <c>--inProcess --cpu-clock</c> under load.
/// </remarks>
// At least 6 warm-up iterations, and until the times settle, even under --job short (whose 3 can end
// while the JIT is still replacing the first tiers: the first rounds of an uncached advice run 5-8x
// slower than the settled ones, measured in thread CPU time).
[MinWarmupCount(6, forceAutoWarmup: true)]
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class RulesEngineBenchmarks
{
    /// <summary>Profiles per invocation: the 4-profile mix repeated, or the first profiles of <c>sample --seed 1</c>.</summary>
    public const int Size = 1024;

    // Built and checked once per process, not once per benchmark case: the in-process smoke test
    // runs every case in one process, and each setup compiles the rules for both engines.
    private static readonly Lazy<(Advisor Library, RulesEngineAdvisor RulesEngine)> Engines = new(() =>
    {
        var library = new AdvisorBuilder().UseAdviceCache(0).Build();
        return (library, new RulesEngineAdvisor(library));
    });

    private static readonly Dictionary<ProfileSet, SymptomProfile[]> Checked = [];

    private readonly HandCodedAdvisor _handCoded = new();
    private Advisor _library = null!;
    private RulesEngineAdvisor _rulesEngine = null!;
    private SymptomProfile[] _profiles = null!;
    private MassageAdvice[] _advices = null!;

    public enum ProfileSet
    {
        /// <summary>The 4-profile mix of <see cref="Profiles.Mix"/>, repeated.</summary>
        Mix,

        /// <summary>Profiles from the <c>sample</c> command's generator, seed 1: few repeat.</summary>
        Sampled,
    }

    [Params(ProfileSet.Mix, ProfileSet.Sampled)]
    public ProfileSet Population { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_library, _rulesEngine) = Engines.Value;
        lock (Checked)
        {
            if (!Checked.TryGetValue(Population, out var profiles))
            {
                profiles = Population == ProfileSet.Mix
                    ? [.. Enumerable.Range(0, Size).Select(i => Profiles.Mix[i % Profiles.Mix.Length])]
                    : SampledProfiles.Draw(Size, seed: 1);
                foreach (var profile in profiles)
                {
                    // The ratio means something only if both engines do the same work to the same advice.
                    if (AdvisorJson.Serialize(_rulesEngine.Advise(profile)) != AdvisorJson.Serialize(_library.Advise(profile)))
                    {
                        throw new InvalidOperationException("RulesEngine and the library disagree on a benchmark profile.");
                    }
                }

                var many = _library.AdviseMany(profiles);
                for (var i = 0; i < profiles.Length; i++)
                {
                    if (AdvisorJson.Serialize(many[i]) != AdvisorJson.Serialize(_library.Advise(profiles[i])))
                    {
                        throw new InvalidOperationException("AdviseMany and Advise disagree on a benchmark profile.");
                    }
                }

                Checked[Population] = profiles;
            }

            _profiles = profiles;
            _advices = new MassageAdvice[profiles.Length];
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Size)]
    public MassageAdvice RulesEngine() => Run(_rulesEngine.Advise);

    [Benchmark(OperationsPerInvoke = Size)]
    public MassageAdvice Library() => Run(_library.Advise);

    /// <summary>The library's batch path: the same profiles, uncached, through one engine session per chunk.</summary>
    [Benchmark(OperationsPerInvoke = Size)]
    public MassageAdvice LibraryAdviseMany()
    {
        _library.AdviseMany(_profiles, _advices);
        return _advices[^1];
    }

    [Benchmark(OperationsPerInvoke = Size)]
    public MassageAdvice HandCoded() => Run(_handCoded.Advise);

    // Every benchmark keeps each advice at its profile's index, as LibraryAdviseMany must: keeping
    // only the last would let one side's advices die young while the other's are promoted.
    private MassageAdvice Run(Func<SymptomProfile, MassageAdvice> advise)
    {
        var profiles = _profiles;
        var advices = _advices;
        for (var i = 0; i < profiles.Length; i++)
        {
            advices[i] = advise(profiles[i]);
        }

        return advices[^1];
    }
}
