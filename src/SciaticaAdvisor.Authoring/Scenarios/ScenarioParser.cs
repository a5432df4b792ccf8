using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Loading;

namespace SciaticaAdvisor.Scenarios;

/// <summary>Reads a scenario file's YAML into scenarios, checking every key and value.</summary>
internal sealed partial class ScenarioParser(string source)
{
    private static readonly ImmutableArray<string> ScenarioKeys = ["name", "guidance", "profile", "expect"];

    private readonly YamlNodes _nodes = new(source);

    public ImmutableArray<Scenario> ParseFile(string yaml)
    {
        var root = LoadRoot(yaml);
        var mapping = _nodes.Mapping(root, "a scenario file");
        YamlNode? list = null;
        foreach (var (key, value) in mapping.Entries)
        {
            var name = _nodes.Scalar(key, "a key");
            list = name == "scenarios" ? value : throw _nodes.Fail(key, $"unknown key '{name}'; a scenario file has only 'scenarios'");
        }

        if (list is null)
        {
            throw _nodes.Fail(mapping, "a scenario file must have 'scenarios:' followed by a list of scenarios");
        }

        var items = _nodes.Sequence(list, "'scenarios'").Items;
        if (items.Count == 0)
        {
            throw _nodes.Fail(list, "'scenarios' must list at least one scenario");
        }

        var scenarios = ImmutableArray.CreateBuilder<Scenario>(items.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var scenario = ParseScenario(item);
            if (!names.Add(scenario.Name))
            {
                throw _nodes.Fail(item, $"another scenario in this file has the name '{scenario.Name}'; names must be unique");
            }

            scenarios.Add(scenario);
        }

        return scenarios.MoveToImmutable();
    }

    private YamlNode LoadRoot(string yaml)
    {
        // The rule loader's reader: iterative and limited, so a hostile scenario file cannot overflow the stack.
        var errors = new List<RuleSetError>();
        var root = YamlTreeReader.Read(yaml.TrimStart('\uFEFF'), _nodes.Source, errors, "a scenario file");
        if (errors.Count > 0)
        {
            var first = errors.OrderBy(e => e.Line).ThenBy(e => e.Column).First();
            throw new ScenarioException(_nodes.Source, first.Line, first.Column, first.Message);
        }

        return root ?? throw new ScenarioException(_nodes.Source, 0, 0, "the file is empty; expected 'scenarios:' followed by a list of scenarios");
    }

    private Scenario ParseScenario(YamlNode node)
    {
        var mapping = _nodes.Mapping(node, "a scenario");
        var entries = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in mapping.Entries)
        {
            var name = _nodes.Scalar(key, "a key");
            if (!ScenarioKeys.Contains(name))
            {
                throw _nodes.Fail(key, $"unknown key '{name}'; a scenario has {string.Join(", ", ScenarioKeys)}");
            }

            entries[name] = value;
        }

        foreach (var required in ScenarioKeys)
        {
            if (!entries.ContainsKey(required))
            {
                throw _nodes.Fail(mapping, $"the scenario lacks '{required}'");
            }
        }

        var guidance = _nodes.TextList(entries["guidance"], "guidance item");
        foreach (var (item, itemNode) in guidance.Zip(((YamlSequence)entries["guidance"]).Items))
        {
            if (!GuidanceItem().IsMatch(item))
            {
                throw _nodes.Fail(itemNode, $"'{item}' is not a GUIDANCE item; write it as G4.1 or G9");
            }
        }

        return new Scenario
        {
            Name = _nodes.Text(entries["name"], "'name'"),
            Guidance = guidance.IsEmpty ? throw _nodes.Fail(entries["guidance"], "'guidance' must name at least one item") : guidance,
            Profile = new ProfileYaml(_nodes).Read(entries["profile"]),
            Expect = new ExpectationParser(_nodes).Parse(entries["expect"]),
            Source = _nodes.Source,
            Line = mapping.Line,
        };
    }

    [GeneratedRegex(@"^G[0-9]+(\.[0-9]+)?$")]
    private static partial Regex GuidanceItem();
}
