using FluentAssertions;
using SciaticaAdvisor.Scenarios;
using YamlDotNet.RepresentationModel;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Traceability: every GUIDANCE item has a rule and a scenario, and the scenario files load.</summary>
public sealed class ScenarioCoverageTests
{
    public static readonly IReadOnlyList<string> GuidanceItems =
    [
        "G1.1", "G1.2", "G1.3", "G1.4", "G1.5", "G2.1", "G2.2", "G3.1", "G3.2",
        "G4.1", "G4.2", "G4.3", "G4.4", "G4.5", "G5.1", "G5.2",
        "G6.1", "G6.2", "G6.3", "G6.4", "G6.5", "G6.6",
        "G7.1", "G7.2", "G7.3", "G7.4", "G7.5", "G7.6", "G8", "G9", "G10.1", "G10.2",
    ];

    private static List<Scenario> AllScenarios() =>
        [.. RepoPaths.ScenarioFiles.SelectMany(path => ScenarioFile.Load(path).Scenarios)];

    [Fact]
    public void Every_scenario_file_loads_and_there_are_at_least_fifty_scenarios()
    {
        AllScenarios().Should().HaveCountGreaterThanOrEqualTo(50);
    }

    [Fact]
    public void Scenario_names_are_unique_across_files()
    {
        AllScenarios().Select(s => s.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_guidance_item_has_a_scenario()
    {
        var covered = AllScenarios().SelectMany(s => s.Guidance).ToHashSet();

        GuidanceItems.Where(item => !covered.Contains(item)).Should().BeEmpty();
        covered.Except(GuidanceItems).Should().BeEmpty("scenarios name only real GUIDANCE items");
    }

    [Fact]
    public void Every_guidance_item_has_a_rule_in_the_default_rule_set()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepoPaths.DefaultRuleFile)));
        var rules = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["rules"];
        var named = rules.Children.Select(rule => ((YamlScalarNode)((YamlMappingNode)rule).Children["guidance"]).Value!).ToHashSet();

        GuidanceItems.Where(item => !named.Contains(item)).Should().BeEmpty();
        named.Except(GuidanceItems).Should().BeEmpty("rules name only real GUIDANCE items");
    }
}
