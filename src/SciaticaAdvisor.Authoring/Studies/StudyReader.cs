using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Contract;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Loading;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// Reads a study file with the rule loader's hardened YAML reader and checks every key and value,
/// collecting every error with its line and column before it gives up.
/// </summary>
internal static partial class StudyReader
{
    public const long MaxProfiles = 1_000_000_000;

    private static readonly string[] TopKeys = ["name", "description", "population", "variants"];
    private static readonly string[] PopulationKeys = ["grid", "fixed", "sample", "file"];
    private static readonly string[] VariantKeys = ["name", "rules", "settings", "disable"];

    /// <summary>Reads and checks a study file; <see langword="null"/> with <paramref name="errors"/> when it is not valid.</summary>
    /// <param name="text">The study file's text.</param>
    /// <param name="source">The study file as named, for errors.</param>
    /// <param name="directory">The directory its paths are relative to.</param>
    /// <param name="errors">Where every error goes.</param>
    /// <param name="clean">The variants read without an error of their own, which can be compiled for their rules' errors even when the rest of the file has some.</param>
    public static StudyDefinition? Read(string text, string source, string directory, List<RuleSetError> errors, List<VariantDefinition> clean)
    {
        var reader = new NodeReader(source, errors);
        var root = YamlTreeReader.Read(text, source, errors, "a study file");
        if (root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(new RuleSetError(source, 0, 0, "the study file is empty; it needs population and variants"));
            }

            return null;
        }

        if (reader.Mapping(root, "a study file") is not { } top)
        {
            return null;
        }

        reader.OnlyKeys(top, "a study file", TopKeys);
        var name = NodeReader.Get(top, "name") is { } n ? reader.Text(n, "name") : null;
        _ = NodeReader.Get(top, "description") is { } d ? reader.Text(d, "description") : null;
        var population = reader.Require(top, "population", "a study file") is { } p ? Population(reader, p, directory) : null;
        var variants = reader.Require(top, "variants", "a study file") is { } v ? Variants(reader, v, directory, errors, clean) : [];
        return errors.Count > 0 || population is null ? null : new StudyDefinition(name, population, variants);
    }

    private static StudyPopulation? Population(NodeReader reader, YamlNode node, string directory)
    {
        if (reader.Mapping(node, "population") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, "population", PopulationKeys);
        var kinds = mapping.Entries.Where(e => e.Key.Value is "grid" or "sample" or "file").ToList();
        if (kinds.Count != 1)
        {
            reader.Error(node, "population needs exactly one of grid, sample or file");
            return null;
        }

        var (kind, value) = (kinds[0].Key.Value, kinds[0].Value);
        if (kind != "grid" && NodeReader.Get(mapping, "fixed") is { } stray)
        {
            reader.Error(stray, "'fixed' goes with a grid; a sample or a file gives every field itself");
        }

        return kind switch
        {
            "grid" => Grid(reader, value, NodeReader.Get(mapping, "fixed"), node),
            "sample" => Sample(reader, value),
            _ => File(reader, value, directory),
        };
    }

    private static GridPopulation? Grid(NodeReader reader, YamlNode node, YamlNode? fixedNode, YamlNode populationNode)
    {
        var factors = new List<GridFactor>();
        var fixedValues = new List<GridValue>();
        var valid = true;
        if (reader.Mapping(node, "grid") is { } grid)
        {
            foreach (var (key, value) in grid.Entries)
            {
                if (Field(reader, key) is not { } field)
                {
                    valid = false;
                    continue;
                }

                if (reader.Sequence(value, $"the grid's values of '{field.Name}'") is not { } list || list.Items.Count == 0)
                {
                    if (value is YamlSequence)
                    {
                        reader.Error(value, $"the grid gives '{field.Name}' no values; list at least one");
                    }

                    valid = false;
                    continue;
                }

                if (field.Kind == ProfileFieldKind.Set && list.Items.Any(i => i is not YamlSequence))
                {
                    reader.Error(value, $"each grid value of the set '{field.Name}' is a set itself: write [[], [{field.Codes[0]}]]");
                    valid = false;
                    continue;
                }

                var values = list.Items.Select(i => StudyValues.Read(field, i, reader)).ToList();
                if (values.Contains(null))
                {
                    valid = false;
                    continue;
                }

                foreach (var twice in values.GroupBy(v => v!.Label).Where(g => g.Count() > 1))
                {
                    var second = twice.Skip(1).First()!;
                    reader.Error(new YamlScalar("", true, second.Line, second.Column), $"the grid lists '{twice.Key}' twice for '{field.Name}'");
                    valid = false;
                }

                factors.Add(new GridFactor(field, [.. values!]));
            }
        }
        else
        {
            valid = false;
        }

        if (fixedNode is not null && reader.Mapping(fixedNode, "fixed") is { } fixedMapping)
        {
            foreach (var (key, value) in fixedMapping.Entries)
            {
                if (Field(reader, key) is not { } field)
                {
                    valid = false;
                }
                else if (factors.Any(f => f.Field == field))
                {
                    reader.Error(key, $"'{field.Name}' is both in the grid and fixed; give it in one of them");
                    valid = false;
                }
                else if (StudyValues.Read(field, value, reader) is { } fixedValue)
                {
                    fixedValues.Add(fixedValue);
                }
                else
                {
                    valid = false;
                }
            }
        }

        if (!valid)
        {
            return null;
        }

        var size = factors.Aggregate(1.0, (n, f) => n * f.Values.Length);
        if (size > MaxProfiles)
        {
            reader.Error(node, $"the grid has {size:0} combinations; at most {MaxProfiles} are allowed — use a sample instead");
            return null;
        }

        var population = new GridPopulation([.. factors], [.. fixedValues], reader.Source, populationNode.Line, populationNode.Column);
        Check(reader, population);
        return population;
    }

    /// <summary>Reads the first combination and each that differs from it in one factor, so a value the reader refuses is found before the run.</summary>
    private static void Check(NodeReader reader, GridPopulation population)
    {
        var indexes = new SortedSet<long> { 0 };
        for (var f = 0; f < population.Factors.Length; f++)
        {
            for (var v = 1; v < population.Factors[f].Values.Length; v++)
            {
                indexes.Add(v * population.Stride(f));
            }
        }

        foreach (var error in indexes.SelectMany(population.Check).DistinctBy(e => (e.Line, e.Column, e.Message)))
        {
            reader.Error(new YamlScalar("", true, error.Line, error.Column), error.Message);
        }
    }

    private static ProfileField? Field(NodeReader reader, YamlScalar key)
    {
        if (ProfileFields.Find(key.Value) is { } field)
        {
            return field;
        }

        reader.Error(key, $"unknown profile field {Quote.Value(key.Value)}; expected one of {StudyValues.FieldNames}");
        return null;
    }

    private static SamplePopulation? Sample(NodeReader reader, YamlNode node)
    {
        if (reader.Mapping(node, "sample") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, "sample", "count", "seed");
        var count = reader.Integer(reader.Require(mapping, "count", "sample"), "count", 1, int.MaxValue);
        var seed = reader.Integer(reader.Require(mapping, "seed", "sample (the same seed gives the same profiles, so a study can be run again)"), "seed");
        return count is null || seed is null ? null : new SamplePopulation(count.Value, seed.Value);
    }

    private static FilePopulation? File(NodeReader reader, YamlNode node, string directory)
    {
        if (reader.Text(node, "file") is not { } name)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(directory, name));
        if (!System.IO.File.Exists(path))
        {
            reader.Error(node, $"the population file '{name}' does not exist (paths are relative to the study file)");
            return null;
        }

        return new FilePopulation(path, name, name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
    }

    private static ImmutableArray<VariantDefinition> Variants(NodeReader reader, YamlNode node, string directory, List<RuleSetError> errors, List<VariantDefinition> clean)
    {
        if (reader.Sequence(node, "variants") is not { } sequence)
        {
            return [];
        }

        if (sequence.Items.Count == 0)
        {
            reader.Error(node, "a study needs at least one variant");
        }

        var variants = new List<VariantDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            var before = errors.Count;
            if (Variant(reader, item, directory) is { } variant)
            {
                if (names.Add(variant.Spec.Name))
                {
                    variants.Add(variant);
                    if (errors.Count == before)
                    {
                        clean.Add(variant);
                    }
                }
                else
                {
                    reader.Error(item, $"the variant name '{variant.Spec.Name}' is used twice; names must be unique");
                }
            }
        }

        return [.. variants];
    }

    private static VariantDefinition? Variant(NodeReader reader, YamlNode node, string directory)
    {
        if (reader.Mapping(node, "a variant") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, "a variant", VariantKeys);
        var nameNode = reader.Require(mapping, "name", "a variant");
        var name = reader.Text(nameNode, "name");
        if (name is not null && !VariantName().IsMatch(name))
        {
            reader.Error(nameNode!, $"the variant name {Quote.Value(name)} must be letters, digits, '.', '_' or '-', starting with a letter or digit (at most 64)");
            name = null;
        }

        var layers = new List<(string Written, string Resolved)>();
        if (reader.Require(mapping, "rules", "a variant") is { } rulesNode && reader.Sequence(rulesNode, "rules") is { } rules)
        {
            if (rules.Items.Count == 0)
            {
                reader.Error(rulesNode, "rules needs at least one layer, such as [\"@default\"]");
            }

            foreach (var layer in rules.Items)
            {
                if (reader.Text(layer, "a rule layer") is not { } written)
                {
                    continue;
                }

                if (written == "@default")
                {
                    layers.Add((written, written));
                    continue;
                }

                var resolved = Path.GetFullPath(Path.Combine(directory, written));
                if (System.IO.File.Exists(resolved))
                {
                    layers.Add((written, resolved));
                }
                else
                {
                    reader.Error(layer, $"the rule file '{written}' does not exist (paths are relative to the study file; '@default' is the built-in set)");
                }
            }
        }

        var settings = new List<(string Key, YamlNode Value)>();
        if (NodeReader.Get(mapping, "settings") is { } settingsNode && reader.Mapping(settingsNode, "settings") is { } settingsMapping)
        {
            settings.AddRange(settingsMapping.Entries.Select(e => (e.Key.Value, e.Value)));
        }

        var disable = new List<YamlNode>();
        if (NodeReader.Get(mapping, "disable") is { } disableNode && reader.Sequence(disableNode, "disable") is { } disableList)
        {
            disable.AddRange(disableList.Items);

            // The rule loader would take the second for a rule no lower layer has, and say so without a line.
            foreach (var twice in disableList.Items.OfType<YamlScalar>().GroupBy(i => i.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                reader.Error(twice.Skip(1).First(), $"'disable' lists the rule {Quote.Value(twice.Key)} twice");
            }
        }

        return name is null ? null : new VariantDefinition(name, [.. layers], [.. settings], [.. disable], mapping);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex VariantName();
}
