using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>The GUIDANCE invariants and placements, over every smoke input class.</summary>
public class InvariantTests
{
    [Fact]
    public void Advise_EverySmokeProfile_KeepsEveryInvariant()
    {
        var advisor = new HandCodedAdvisor();

        var violations = InputClasses.Smoke()
            .SelectMany(p => InvariantChecker.Check(p, advisor.Advise(p)).Select(v => $"{AdvisorJson.Serialize(p)} -> {v}"))
            .Take(20)
            .ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    public void Advise_EverySmokeProfile_KeepsEveryGuidancePlacement()
    {
        var advisor = new HandCodedAdvisor();

        var violations = InputClasses.Smoke()
            .SelectMany(p => GuidancePlacements.Violations(p, advisor.Advise(p)).Select(v => $"{AdvisorJson.Serialize(p)} -> {v}"))
            .Take(20)
            .ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    [Trait("Category", "Exhaustive")]
    public void Advise_EveryInputClass_KeepsEveryInvariantAndPlacementWithoutConflict()
    {
        // Ranking throws where GUIDANCE's placements cannot all hold: none may, on any class.
        var advisor = new HandCodedAdvisor();

        var violations = InputClasses.All()
            .AsParallel()
            .SelectMany(p =>
            {
                var advice = advisor.Advise(p);
                return InvariantChecker.Check(p, advice).Concat(GuidancePlacements.Violations(p, advice))
                    .Select(v => $"{AdvisorJson.Serialize(p)} -> {v}");
            })
            .Take(20)
            .ToList();

        violations.Should().BeEmpty();
    }

    [Fact]
    public void Advise_SetsGivenInAnotherOrder_GivesByteIdenticalJson()
    {
        var profile = Plain with
        {
            Symptoms = [.. Enum.GetValues<Symptom>()],
            Conditions = [HealthCondition.SkinLesionInArea, HealthCondition.Pregnancy],
        };
        var reversed = profile with
        {
            Symptoms = [.. Enum.GetValues<Symptom>().Reverse()],
            Conditions = [HealthCondition.Pregnancy, HealthCondition.SkinLesionInArea],
        };

        AdvisorJson.Serialize(Advise(reversed)).Should().Be(AdvisorJson.Serialize(Advise(profile)));
    }
}
