using FluentAssertions;
using SciaticaAdvisor.Scenarios;
using YamlDotNet.RepresentationModel;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Traceability: every GUIDANCE item has a rule and a scenario, and the scenario files load.</summary>
public sealed class ScenarioCoverageTests
{
    private static IReadOnlyList<string> GuidanceItems => global::SciaticaAdvisor.Linting.GuidanceItems.All;

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
