using System.Globalization;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Rules.Loading;

/// <summary>Typed reads from the YAML tree that record an error with its position instead of throwing, so a load reports every error.</summary>
/// <remarks>
/// Shared source (see src/Shared/README.md): rule files and study files read their keys and values
/// with it. The reads of the rule language's own words (enum names, fact names) are in the core's
/// NodeReader.RuleWords.cs, as they use the core's contract names.
/// </remarks>
internal sealed partial class NodeReader(string source, List<RuleSetError> errors)
{
    public string Source { get; } = source;

    public void Error(YamlNode node, string message) => errors.Add(new RuleSetError(Source, node.Line, node.Column, message));

    public YamlMapping? Mapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        Error(node, $"{what} must be a mapping of keys to values");
        return null;
    }

    public YamlSequence? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        Error(node, $"{what} must be a list");
        return null;
    }

    /// <summary>A single key/value mapping, as conditions and actions are written.</summary>
    public KeyValuePair<YamlScalar, YamlNode>? Single(YamlNode node, string what, string expected)
    {
        if (node is YamlMapping { Entries.Count: 1 } mapping)
        {
            return mapping.Entries[0];
        }

        Error(node, $"{what} must be a mapping with exactly one key: one of {expected}");
        return null;
    }

    /// <summary>Non-empty text without control characters; <paramref name="lineBreaks"/> allows line feeds (a description).</summary>
    /// <remarks>
    /// Names, versions, ids, reasons and notes reach terminals, logs and advice: an escape sequence or
    /// a line break in one could rewrite what a reader sees.
    /// </remarks>
    public string? Text(YamlNode? node, string what, bool lineBreaks = false)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsNull: false } scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            var bad = Quote.IndexOfUnsafe(scalar.Value, lineBreaks);
            if (bad < 0)
            {
                return scalar.Value;
            }

            Error(node, $"{what} must not hold control characters; found U+{(int)scalar.Value[bad]:X4} at character {bad + 1}");
            return null;
        }

        Error(node, $"{what} must be non-empty text");
        return null;
    }

    public int? Integer(YamlNode? node, string what, int min = int.MinValue, int max = int.MaxValue)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { Plain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Error(node, $"{what} must be between {min} and {max}, was {value}");
            return null;
        }

        Error(node, $"{what} must be a whole number");
        return null;
    }

    public double? Number(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { Plain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) <= 1_000_000)
        {
            return value;
        }

        Error(node, $"{what} must be a number between -1000000 and 1000000");
        return null;
    }

    public bool? Boolean(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { Plain: true, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"{what} must be true or false");
        return null;
    }

    /// <summary>Reports keys of <paramref name="mapping"/> that are not in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(YamlMapping mapping, string what, params string[] allowed)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key.Value))
            {
                Error(key, $"unknown key {Quote.Value(key.Value)} in {what}; expected one of {string.Join(", ", allowed)}");
            }
        }
    }

    public static YamlNode? Get(YamlMapping mapping, string key) =>
        mapping.Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public YamlNode? Require(YamlMapping mapping, string key, string what)
    {
        var value = Get(mapping, key);
        if (value is null)
        {
            Error(mapping, $"{what} needs '{key}'");
        }

        return value;
    }
}
