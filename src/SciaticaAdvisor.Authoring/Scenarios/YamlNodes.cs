using System.Collections.Immutable;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Rules.Loading;

namespace SciaticaAdvisor.Scenarios;

/// <summary>Typed access to the nodes of <see cref="YamlTreeReader"/>'s tree that fails with the node's line and column.</summary>
internal sealed class YamlNodes(string source)
{
    public string Source { get; } = source;

    public ScenarioException Fail(YamlNode node, string problem) =>
        new(Source, node.Line, node.Column, problem);

    public YamlMapping Mapping(YamlNode node, string what) =>
        node as YamlMapping ?? throw Fail(node, $"{what} must be a mapping");

    public YamlSequence Sequence(YamlNode node, string what) =>
        node as YamlSequence ?? throw Fail(node, $"{what} must be a list such as [a, b]");

    public string Scalar(YamlNode node, string what) =>
        node is YamlScalar { Value: var value } ? value : throw Fail(node, $"{what} must be a single value");

    public string Text(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return string.IsNullOrWhiteSpace(text) ? throw Fail(node, $"{what} must not be empty") : text;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalar { Plain: true, Value: "" or "~" or "null" };

    public int Integer(YamlNode node, string what, int min)
    {
        var text = Scalar(node, what);
        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw Fail(node, $"{what} must be a whole number of at least {min}, was '{text}'");
    }

    /// <summary>Reads a value of <typeparamref name="TEnum"/> by its contract name.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">What the value is, for the message: "style".</param>
    /// <param name="orElse">Another value the caller accepts, for the message: "none".</param>
    public TEnum Enum<TEnum>(YamlNode node, string what, string? orElse = null)
        where TEnum : struct, Enum
    {
        var text = Scalar(node, what);
        return ContractNames.TryParse<TEnum>(text, out var value)
            ? value
            : throw Fail(node, $"unknown {what} '{text}'; expected one of {string.Join(", ", ContractNames.NamesOf<TEnum>())}{(orElse is null ? string.Empty : ", or " + orElse)}");
    }

    public ImmutableArray<TEnum> EnumList<TEnum>(YamlNode node, string what)
        where TEnum : struct, Enum =>
        [.. Sequence(node, $"a list of {what}s").Items.Select(child => Enum<TEnum>(child, what))];

    public ImmutableArray<string> TextList(YamlNode node, string what) =>
        [.. Sequence(node, $"a list of {what}s").Items.Select(child => Text(child, what))];

    /// <summary>The entries of a mapping whose keys are values of <typeparamref name="TEnum"/>.</summary>
    public IEnumerable<(TEnum Key, YamlNode Value)> EnumKeyed<TEnum>(YamlNode node, string what, string keyWhat)
        where TEnum : struct, Enum =>
        Mapping(node, what).Entries.Select(entry => (Enum<TEnum>(entry.Key, keyWhat), entry.Value));
}
