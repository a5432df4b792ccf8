using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Tests.Rules;

public class ThreadSafetyTests
{
    [Fact]
    public void OneAdvisor_SharedByManyThreads_GivesTheSameAdviceAsSequentially()
    {
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
        Parallel.For(0, profiles.Length * 5, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % profiles.Length;
            parallel[index] = AdvisorJson.Serialize(advisor.Advise(profiles[index]));
        });

        parallel.Should().Equal(sequential);
    }
}
