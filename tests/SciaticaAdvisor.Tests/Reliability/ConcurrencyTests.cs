using System.Text;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Reliability.Fuzzing;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Reliability;

/// <summary>One advisor shared by many threads gives, byte for byte, the advice it gives on one thread.</summary>
public class ConcurrencyTests
{
    private const int Threads = 8;
    private const int DistinctProfiles = 2000;

    /// <summary>
    /// The threads share an advisor that has advised nothing yet, so they meet in the engine (and,
    /// with the cache, in filling it) rather than in reading a cache a sequential pass filled; with
    /// the cache off every advice runs the engine.
    /// </summary>
    [Theory]
    [InlineData(AdvisorBuilder.DefaultCacheCapacity, 100_000)]
    [InlineData(0, 8_000)]
    public void EightThreads_OnAColdAdvisor_AreByteIdenticalToASequentialRun(int cacheCapacity, int advices)
    {
        // The built-in rule set: the real rules, with forward chaining, placements and referrals.
        var random = new Random(8);
        var profiles = Enumerable.Range(0, DistinctProfiles).Select(_ => ProfileReader.Read(FuzzRuleSet.ValidProfileJson(random))).ToArray();
        var reference = new AdvisorBuilder().UseAdviceCache(0).Build();
        var sequential = profiles.Select(p => AdvisorJson.Serialize(reference.Advise(p))).ToArray();
        sequential.Distinct().Count().Should().BeGreaterThan(DistinctProfiles / 4, "the advice should vary with the profile");
        var advisor = new AdvisorBuilder().UseAdviceCache(cacheCapacity).Build();

        var mismatches = 0;
        var done = 0;
        var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = t; i < advices; i += Threads)
            {
                // Each thread walks the profiles in its own order, so threads meet on the same profile at different times.
                var index = (int)((i * 2654435761L + t) % DistinctProfiles);
                if (AdvisorJson.Serialize(advisor.Advise(profiles[index])) != sequential[index])
                {
                    Interlocked.Increment(ref mismatches);
                }

                Interlocked.Increment(ref done);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        done.Should().Be(advices);
        mismatches.Should().Be(0);
    }

    [Fact]
    public void ManyThreads_ReadingProfiles_AgreeWithOneThread()
    {
        var inputs = Enumerable.Range(0, 2000).Select(seed => ProfileMutator.Mutated(new Random(seed))).ToArray();
        string Describe(byte[] input)
        {
            var result = ProfileReader.TryRead(input);
            return result.IsValid ? AdvisorJson.Serialize(result.Profile) : string.Join("\n", result.Errors);
        }

        var sequential = inputs.Select(Describe).ToArray();
        var parallel = new string[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i => parallel[i] = Describe(inputs[i]));

        parallel.Should().Equal(sequential);
        Encoding.UTF8.GetByteCount(string.Concat(sequential)).Should().BeGreaterThan(0);
    }

    [Fact]
    public void OneAdvisor_ForwardChainingOnManyThreads_GivesTheSameAdviceAsSequentially()
    {
        // Derived facts go through the pooled sessions; each advice must see only its own.
        var advisor = RuleText.Advisor("""
              - id: flare-chain
                name: Flare chain
                guidance: G3.2
                when: { flare: subsiding }
                then: [ { derive: settling } ]
              - id: settling-cap
                name: Settling cap
                guidance: G3.2
                when: { fact: settling }
                then: [ { capPressure: { max: moderate } }, { contraindicate: { style: deepTissue, level: caution, reason: settling } } ]
            """);
        var profiles = Enumerable.Range(0, 400)
            .Select(i => RuleText.Profile((FlareState)(i % 2), (PainSensitivity)(i % 3), i % 11))
            .ToArray();
        var sequential = profiles.Select(p => AdvisorJson.Serialize(advisor.Advise(p))).ToArray();

        var parallel = new string[profiles.Length];
        Parallel.For(0, profiles.Length * 5, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            var index = i % profiles.Length;
            parallel[index] = AdvisorJson.Serialize(advisor.Advise(profiles[index]));
        });

        parallel.Should().Equal(sequential);
    }
}
