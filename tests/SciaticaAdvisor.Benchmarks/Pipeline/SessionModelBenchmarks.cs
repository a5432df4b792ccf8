using BenchmarkDotNet.Attributes;
using NRules;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Rules.Language;
using SymptomProfile = SciaticaAdvisor.Profiles.SymptomProfile;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>
/// One uncached advice of a sampled profile through each way the engine could run it alone: the
/// library's (the rule model that joins derived facts on their profile, in a pooled session, which
/// <see cref="Advisor.Advise"/> uses), a model without those joins in a pooled session, and either
/// model in a fresh session per profile (no retraction). Rules, assembly and invariants as in
/// <see cref="Advisor.Advise"/>; the setup checks every variant's advice against it.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- --filter '*SessionModelBenchmarks*' --job medium</c>; compare the ratios.</remarks>
[MemoryDiagnoser]
public class SessionModelBenchmarks
{
    private SymptomProfile[] _profiles = null!;
    private Advisor _advisor = null!;
    private SessionPool _joined = null!;
    private SessionPool _plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profiles = SampledProfiles.Profiles[..1024];
        _advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        _joined = Pool(joinOnProfile: true);
        _plain = Pool(joinOnProfile: false);
        foreach (var profile in _profiles)
        {
            var expected = Serialization.AdvisorJson.Serialize(_advisor.Advise(profile));
            foreach (var (pool, fresh) in new[] { (_joined, false), (_plain, false), (_joined, true), (_plain, true) })
            {
                if (Serialization.AdvisorJson.Serialize(One(pool, fresh, profile)) != expected)
                {
                    throw new InvalidOperationException("A session variant disagrees with Advise on a benchmark profile.");
                }
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1024)]
    public MassageAdvice PooledJoined() => Run(_joined, fresh: false);

    [Benchmark(OperationsPerInvoke = 1024)]
    public MassageAdvice PooledWithoutJoins() => Run(_plain, fresh: false);

    [Benchmark(OperationsPerInvoke = 1024)]
    public MassageAdvice FreshJoined() => Run(_joined, fresh: true);

    [Benchmark(OperationsPerInvoke = 1024)]
    public MassageAdvice FreshWithoutJoins() => Run(_plain, fresh: true);

    private SessionPool Pool(bool joinOnProfile) =>
        new(new RuleCompiler().Compile(RuleModelBuilder.BuildAll(_advisor.Definitions, joinOnProfile)));

    private MassageAdvice Run(SessionPool pool, bool fresh)
    {
        MassageAdvice last = null!;
        foreach (var profile in _profiles)
        {
            last = One(pool, fresh, profile);
        }

        return last;
    }

    private MassageAdvice One(SessionPool pool, bool fresh, SymptomProfile profile)
    {
        var fact = new SessionProfile(new ProfileFact(profile), new AdviceSheet(_advisor.Settings));
        if (fresh)
        {
            pool.RunChunk(new ArraySegment<SessionProfile>([fact]));
        }
        else
        {
            pool.Run(fact);
        }

        var advice = AdviceAssembler.Assemble(profile, fact.Sheet, _advisor.RuleSet, _advisor.Parts);
        return AdviceInvariants.Check(profile, advice).IsEmpty ? advice : throw new InvalidOperationException("An advice breaks an invariant.");
    }
}
