using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Rules.Loading;

/// <summary>Loads one rule file into a checked <see cref="RuleSetDocument"/>, or throws a <see cref="RuleSetException"/> with every error found.</summary>
internal static partial class RuleSetLoader
{
    public const int MaxRules = 2000;

    private static readonly string[] TopKeys = ["name", "version", "description", "settings", "styles", "disable", "rules"];
    private static readonly string[] RuleKeys = ["id", "name", "guidance", "priority", "replace", "when", "then"];

    /// <param name="text">The rule file's text.</param>
    /// <param name="source">The name it goes by in errors.</param>
    /// <param name="sha256">The text's <see cref="RuleSetHash.Of"/> when known already (the built-in set's, taken at build time).</param>
    public static RuleSetDocument Load(string text, string source, string? sha256 = null)
    {
        var errors = new List<RuleSetError>();
        var document = Load(text, source, sha256, errors);
        if (errors.Count > 0 || document is null)
        {
            throw new RuleSetException([.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        return document;
    }

    private static RuleSetDocument? Load(string text, string source, string? sha256, List<RuleSetError> errors)
    {
        if (text.Length > RuleFile.MaxBytes)
        {
            errors.Add(new RuleSetError(source, 0, 0, $"the rule file has {text.Length} characters; at most {RuleFile.MaxBytes} are allowed"));
            return null;
        }

        var reader = new NodeReader(source, errors);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), source, errors);
        if (root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(new RuleSetError(source, 0, 0, "the rule file is empty; it needs name, version and rules"));
            }

            return null;
        }

        if (reader.Mapping(root, "a rule file") is not { } top)
        {
            return null;
        }

        reader.OnlyKeys(top, "a rule file", TopKeys);
        var name = reader.Text(reader.Require(top, "name", "a rule file"), "name");
        var version = reader.Text(reader.Require(top, "version", "a rule file"), "version");
        var description = NodeReader.Get(top, "description") is { } d ? reader.Text(d, "description", lineBreaks: true) : null;
        var (penalty, styles) = Settings(reader, top);
        var disable = NodeReader.Get(top, "disable") is { } node ? Ids(reader, node) : [];
        var rules = reader.Require(top, "rules", "a rule file") is { } rulesNode ? Rules(reader, rulesNode) : [];
        if (errors.Count > 0)
        {
            return null;
        }

        return new RuleSetDocument
        {
            Name = name!,
            Version = version!,
            Description = description,
            Source = source,
            Sha256 = sha256 ?? RuleSetHash.Of(text),
            CautionPenalty = penalty,
            Styles = styles,
            Disable = disable,
            Rules = rules,
        };
    }

    private static (double? Penalty, Dictionary<MassageStyle, StyleSettings> Styles) Settings(NodeReader reader, YamlMapping top)
    {
        double? penalty = null;
        if (NodeReader.Get(top, "settings") is { } node && reader.Mapping(node, "settings") is { } settings)
        {
            reader.OnlyKeys(settings, "settings", "cautionPenalty");
            penalty = NodeReader.Get(settings, "cautionPenalty") is { } p ? reader.Number(p, "cautionPenalty") : null;
        }

        var styles = new Dictionary<MassageStyle, StyleSettings>();
        if (NodeReader.Get(top, "styles") is { } stylesNode && reader.Mapping(stylesNode, "styles") is { } table)
        {
            foreach (var (key, value) in table.Entries)
            {
                if (reader.Enum<MassageStyle>(key, "a style") is not { } style || reader.Mapping(value, $"the settings of {key.Value}") is not { } entry)
                {
                    continue;
                }

                reader.OnlyKeys(entry, $"the settings of {key.Value}", "pressure", "focus");
                var pressure = NodeReader.Get(entry, "pressure") is { } p ? reader.Enum<Pressure>(p, "pressure") : null;
                var focus = NodeReader.Get(entry, "focus") is { } f ? reader.EnumMask<FocusArea>(f, "focus") : null;
                styles[style] = new StyleSettings(pressure, focus);
            }
        }

        return (penalty, styles);
    }

    private static List<DisabledRule> Ids(NodeReader reader, YamlNode node)
    {
        var ids = new List<DisabledRule>();
        if (reader.Sequence(node, "disable") is { } sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (reader.Text(item, "a rule id") is not { } id || !IsRuleId(reader, item, id))
                {
                    continue;
                }

                if (ids.Exists(d => d.Id == id))
                {
                    reader.Error(item, $"'disable' lists the rule '{id}' twice");
                }
                else
                {
                    ids.Add(new DisabledRule(id, item.Line, item.Column));
                }
            }
        }

        return ids;
    }

    private static List<RuleDefinition> Rules(NodeReader reader, YamlNode node)
    {
        var rules = new List<RuleDefinition>();
        if (reader.Sequence(node, "rules") is not { } sequence)
        {
            return rules;
        }

        if (sequence.Items.Count > MaxRules)
        {
            reader.Error(node, $"the rule file has {sequence.Items.Count} rules; at most {MaxRules} are allowed");
            return rules;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (Rule(reader, item) is { } rule)
            {
                if (ids.Add(rule.Id))
                {
                    rules.Add(rule);
                }
                else
                {
                    reader.Error(item, $"the rule id '{rule.Id}' is used twice; ids must be unique");
                }
            }
        }

        return rules;
    }

    private static RuleDefinition? Rule(NodeReader reader, YamlNode node)
    {
        if (reader.Mapping(node, "a rule") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, "a rule", RuleKeys);
        var idNode = reader.Require(mapping, "id", "a rule");
        var id = reader.Text(idNode, "id");
        var name = reader.Text(reader.Require(mapping, "name", "a rule"), "name");
        var guidance = reader.Text(reader.Require(mapping, "guidance", "a rule"), "guidance");
        var priority = NodeReader.Get(mapping, "priority") is { } p ? reader.Integer(p, "priority", -10_000, 10_000) : 0;
        var replace = NodeReader.Get(mapping, "replace") is { } r ? reader.Boolean(r, "replace") : false;
        var when = NodeReader.Get(mapping, "when") is { } w ? new ConditionParser(reader).Parse(w) : null;
        var then = reader.Require(mapping, "then", "a rule") is { } t ? Actions(reader, t) : null;
        if (id is not null && !IsRuleId(reader, idNode!, id))
        {
            id = null;
        }

        if (guidance is not null && !GuidanceItem().IsMatch(guidance))
        {
            reader.Error(NodeReader.Get(mapping, "guidance")!, $"guidance {Quote.Value(guidance)} must name an item such as G3.1");
            guidance = null;
        }

        if (id is null || name is null || guidance is null || priority is null || replace is null || then is null
            || (NodeReader.Get(mapping, "when") is not null && when is null))
        {
            return null;
        }

        return new RuleDefinition
        {
            Id = id,
            Name = name,
            Guidance = guidance,
            Priority = priority.Value,
            Replace = replace.Value,
            When = when,
            Then = then,
            Source = reader.Source,
            Line = mapping.Line,
            Column = mapping.Column,
        };
    }

    private static ImmutableArray<RuleAction>? Actions(NodeReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "then") is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            reader.Error(node, "'then' needs at least one action");
            return null;
        }

        var parser = new ActionParser(reader);
        var actions = sequence.Items.Select(parser.Parse).ToList();
        return actions.Contains(null) ? null : [.. actions.OfType<RuleAction>()];
    }

    private static bool IsRuleId(NodeReader reader, YamlNode node, string id)
    {
        if (id.Length <= 100 && RuleId().IsMatch(id))
        {
            return true;
        }

        reader.Error(node, $"the rule id {Quote.Value(id)} must be kebab-case: lowercase words of letters and digits joined by '-'");
        return false;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^G[0-9]+(\.[0-9]+)*$")]
    private static partial Regex GuidanceItem();
}
