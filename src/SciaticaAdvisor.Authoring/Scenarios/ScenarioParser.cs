using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
        foreach (var (key, value) in mapping.Children)
        {
            var name = _nodes.Scalar(key, "a key");
            list = name == "scenarios" ? value : throw _nodes.Fail(key, $"unknown key '{name}'; a scenario file has only 'scenarios'");
        }

        if (list is null)
        {
            throw _nodes.Fail(mapping, "a scenario file must have 'scenarios:' followed by a list of scenarios");
        }

        var items = _nodes.Sequence(list, "'scenarios'").Children;
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
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml), skipComments: true);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            throw new ScenarioException(_nodes.Source, (int)ex.Start.Line, (int)ex.Start.Column, MarkPrefix().Replace(ex.Message, string.Empty));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some malformed input such as an unclosed '['.
            var at = scanner.CurrentPosition;
            throw new ScenarioException(_nodes.Source, (int)at.Line, (int)at.Column, "the YAML is malformed here; is a bracket or a quote left open?");
        }

        if (stream.Documents.Count != 1)
        {
            throw new ScenarioException(_nodes.Source, 0, 0, stream.Documents.Count == 0
                ? "the file is empty; expected 'scenarios:' followed by a list of scenarios"
                : "the file holds more than one YAML document; expected one");
        }

        var root = stream.Documents[0].RootNode;
        foreach (var node in root.AllNodes)
        {
            if (!node.Anchor.IsEmpty)
            {
                throw _nodes.Fail(node, "YAML anchors and aliases are not allowed in a scenario file; write each value out");
            }

            if (!node.Tag.IsEmpty)
            {
                throw _nodes.Fail(node, "YAML tags are not allowed in a scenario file");
            }
        }

        return root;
    }

    private Scenario ParseScenario(YamlNode node)
    {
        var mapping = _nodes.Mapping(node, "a scenario");
        var entries = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in mapping.Children)
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
        foreach (var (item, itemNode) in guidance.Zip(((YamlSequenceNode)entries["guidance"]).Children))
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
            Line = (int)mapping.Start.Line,
        };
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex(@"^G[0-9]+(\.[0-9]+)?$")]
    private static partial Regex GuidanceItem();
}
