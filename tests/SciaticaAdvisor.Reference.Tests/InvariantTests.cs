using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>The GUIDANCE invariants and placements, over every smoke input class (every input class: <see cref="OracleAgreementTests"/>).</summary>
[CpuCost(2)]
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
