using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Tests.Properties;

/// <summary>The guidance invariants and determinism on random profiles, beyond the enumerated input classes.</summary>
[Properties(Arbitrary = [typeof(ProfileGenerators)], MaxTest = 2000)]
public class DefaultRuleSetProperties
{
    private static readonly Advisor Advisor = Advisor.CreateDefault();

    [Property]
    public bool Advise_AnyProfile_KeepsEveryInvariant(SymptomProfile profile) =>
        AdviceInvariants.Check(profile, Advisor.Advise(profile)).IsEmpty;

    /// <summary>Invariant 7 read off its text, apart from <see cref="AdviceInvariants"/>: re-sorting by score gives the ranks.</summary>
    [Property]
    public bool Advise_AnyProfile_ShowsScoresThatSortIntoTheRankOrder(SymptomProfile profile)
    {
        var styles = Advisor.Advise(profile).Styles;
        var byScore = styles.OrderByDescending(s => s.Score).ThenBy(s => s.Style).Select(s => s.Rank);
        return byScore.SequenceEqual(Enumerable.Range(1, styles.Length));
    }

    [Property]
    public bool Advise_AcuteFlare_NeverAdvisesDeepTissueOrMoreThanLightPressure(SymptomProfile profile)
    {
        var advice = Advisor.Advise(profile with { Flare = FlareState.Acute });
        return advice.Styles.All(s => s.Style != MassageStyle.DeepTissue && s.Pressure == Pressure.Light);
    }

    [Property]
    public bool Advise_SameProfileReadInAnyOrder_GivesByteIdenticalJson(SymptomProfile profile, int seed)
    {
        var expected = AdvisorJson.Serialize(Advisor.Advise(profile));
        var shuffled = ProfileReader.Read(Shuffle(AdvisorJson.Serialize(profile), new Random(seed)));
        return AdvisorJson.Serialize(Advisor.Advise(shuffled)) == expected;
    }

    /// <summary>Reorders the document's properties and the values inside its sets.</summary>
    private static string Shuffle(string json, Random random)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var shuffled = new JsonObject();
        foreach (var (key, value) in document.OrderBy(_ => random.Next()).ToList())
        {
            document.Remove(key);
            shuffled[key] = value is JsonArray array
                ? new JsonArray([.. array.Select(v => v!.DeepClone()).OrderBy(_ => random.Next())])
                : value;
        }

        return shuffled.ToJsonString();
    }
}
