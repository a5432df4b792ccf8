using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>Profiles drawn by the generator of <c>sciatica-advisor sample</c>: <c>Draw(n, 1)</c> is the first n lines of <c>sample --seed 1</c>.</summary>
public static class SampledProfiles
{
    public static SymptomProfile[] Draw(int count, int seed)
    {
        var sampler = new ProfileSampler(new Random(seed));
        var profiles = new SymptomProfile[count];
        for (var i = 0; i < count; i++)
        {
            profiles[i] = sampler.Next();
        }

        return profiles;
    }
}
