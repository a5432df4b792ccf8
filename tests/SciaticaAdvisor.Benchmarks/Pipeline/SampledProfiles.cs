using System.Text;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>The first profiles of <c>sample --seed 1</c>: the same generator and seed, so the stages run on what <c>batch</c> reads.</summary>
internal static class SampledProfiles
{
    /// <summary>How many profiles each stage benchmark works through per operation batch.</summary>
    public const int Count = 4096;

    private static readonly Lazy<SymptomProfile[]> Drawn = new(() => Benchmarks.SampledProfiles.Draw(Count, seed: 1));

    public static SymptomProfile[] Profiles => Drawn.Value;

    /// <summary>Each profile as the JSON Lines line <c>sample</c> writes for it, as UTF-8.</summary>
    public static byte[][] Lines() => [.. Profiles.Select(p => Encoding.UTF8.GetBytes(AdvisorJson.Serialize(p)))];
}
