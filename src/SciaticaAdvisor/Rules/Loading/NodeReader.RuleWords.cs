using System.Globalization;

namespace SciaticaAdvisor.Rules.Loading;

/// <summary>The reads of the rule language's words: contract enum names and fact names.</summary>
internal sealed partial class NodeReader
{
    public TEnum? Enum<TEnum>(YamlNode? node, string what)
        where TEnum : struct, Enum
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsNull: false } scalar && EnumNames<TEnum>.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        var shown = node is YamlScalar s ? $"{Quote.Value(s.Value)}" : "a " + (node is YamlMapping ? "mapping" : "list");
        Error(node, $"{what}: unknown value {shown}; expected one of {EnumNames<TEnum>.Expected}");
        return null;
    }

    /// <summary>One value or a list of values of an enum, as a bit mask; null when any is wrong.</summary>
    public int? EnumMask<TEnum>(YamlNode? node, string what, bool allowSingle = true)
        where TEnum : struct, Enum
    {
        if (node is null)
        {
            return null;
        }

        var items = node is YamlSequence sequence ? sequence.Items : allowSingle ? [node] : null;
        if (items is null)
        {
            Error(node, $"{what} must be a list of {EnumNames<TEnum>.Expected}");
            return null;
        }

        if (items.Count == 0)
        {
            Error(node, $"{what} must name at least one of {EnumNames<TEnum>.Expected}");
            return null;
        }

        var mask = 0;
        var valid = true;
        foreach (var item in items)
        {
            if (Enum<TEnum>(item, what) is { } value)
            {
                mask |= 1 << Convert.ToInt32(value, CultureInfo.InvariantCulture);
            }
            else
            {
                valid = false;
            }
        }

        return valid ? mask : null;
    }

    public string? FactName(YamlNode node)
    {
        if (Text(node, "a fact name") is not { } name)
        {
            return null;
        }

        if (name.Length <= 64 && char.IsAsciiLetterLower(name[0]) && name.All(char.IsAsciiLetterOrDigit))
        {
            return name;
        }

        Error(node, "a fact name must be a camelCase word of letters and digits, at most 64 long");
        return null;
    }
}
