using FluentAssertions;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Runs every scenario in rules/scenarios against the default rule set.</summary>
public sealed class DefaultRuleSetScenarioTests
{
    private static readonly Lazy<Advisor> Advisor = new(global::SciaticaAdvisor.Advisor.CreateDefault);

    public static TheoryData<string, string> AllScenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in RepoPaths.ScenarioFiles)
        {
            foreach (var scenario in ScenarioFile.Load(path).Scenarios)
            {
                data.Add(Path.GetFileName(path), scenario.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void Scenario_holds_for_the_default_rule_set(string file, string name)
    {
        var scenario = ScenarioFile.Load(Path.Combine(RepoPaths.ScenarioDirectory, file)).Scenarios.Single(s => s.Name == name);

        var result = ScenarioRunner.Run(Advisor.Value, scenario);

        result.Failures.Should().BeEmpty($"{file} line {scenario.Line}: {name}");
    }
}
