using System.Collections.Immutable;
using System.Globalization;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Loading;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>Reads a study file's value for a profile field by what <see cref="ProfileFields"/> says the field holds.</summary>
internal static class StudyValues
{
    public static readonly string FieldNames = string.Join(", ", ProfileFields.All.Select(f => f.Name));

    /// <summary>The value, or <see langword="null"/> after recording why it is not one the field takes.</summary>
    public static GridValue? Read(ProfileField field, YamlNode node, NodeReader reader)
    {
        if (node is YamlScalar { IsNull: true } && field.Kind != ProfileFieldKind.Set)
        {
            if (field.IsRequired)
            {
                reader.Error(node, $"'{field.Name}' is required in every profile; give it a value");
                return null;
            }

            return new GridValue(field, null, node.Line, node.Column);
        }

        object? json = field.Kind switch
        {
            ProfileFieldKind.Choice => Code(field, node, reader),
            ProfileFieldKind.Number => Number(field, node, reader),
            ProfileFieldKind.Boolean => reader.Boolean(node, $"'{field.Name}'"),
            _ => Set(field, node, reader),
        };
        return json is null ? null : new GridValue(field, json, node.Line, node.Column);
    }

    private static string? Code(ProfileField field, YamlNode node, NodeReader reader)
    {
        if (node is YamlScalar scalar && field.Codes.Contains(scalar.Value))
        {
            return scalar.Value;
        }

        var written = node is YamlScalar s ? " " + Quote.Value(s.Value) : "";
        reader.Error(node, $"unknown {field.Name}{written}; expected one of {string.Join(", ", field.Codes)}");
        return null;
    }

    private static object? Number(ProfileField field, YamlNode node, NodeReader reader)
    {
        if (node is YamlScalar { Plain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= field.Minimum && value <= field.Maximum)
        {
            return value;
        }

        reader.Error(node, $"'{field.Name}' must be a whole number from {field.Minimum} to {field.Maximum}{(field.IsRequired ? "" : ", or null for not given")}");
        return null;
    }

    private static ImmutableArray<string>? Set(ProfileField field, YamlNode node, NodeReader reader)
    {
        if (node is not YamlSequence sequence)
        {
            reader.Error(node, $"'{field.Name}' is a set: write its value as a list such as [{field.Codes[0]}], or [] for none");
            return null;
        }

        var codes = new List<string>();
        var valid = true;
        foreach (var item in sequence.Items)
        {
            if (Code(field, item, reader) is not { } code)
            {
                valid = false;
            }
            else if (codes.Contains(code))
            {
                reader.Error(item, $"'{code}' is listed twice in one set");
                valid = false;
            }
            else
            {
                codes.Add(code);
            }
        }

        // In the contract's order, so a set is written and labelled the same however the file lists it.
        return valid ? [.. codes.OrderBy(c => field.Codes.IndexOf(c))] : null;
    }
}
