using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Rules.Loading;

/// <summary>Reads a rule's <c>when</c> into a <see cref="Condition"/>, checking every field and value against the profile model.</summary>
internal sealed class ConditionParser(NodeReader reader)
{
    public const int MaxDepth = 16;

    private static readonly string Keys = "all, any, not, fact, styleAvoided, " + string.Join(", ", FactField.All.Select(f => f.Name));

    public Condition? Parse(YamlNode node) => Parse(node, depth: 1, factsForbidden: false);

    private Condition? Parse(YamlNode node, int depth, bool factsForbidden)
    {
        if (depth > MaxDepth)
        {
            reader.Error(node, $"conditions are nested more than {MaxDepth} deep");
            return null;
        }

        if (reader.Single(node, "a condition", Keys) is not { } entry)
        {
            return null;
        }

        var (key, value) = entry;
        switch (key.Value)
        {
            case "all":
                return List(value, "all", depth, factsForbidden) is { } all ? new AllCondition(all) : null;
            case "any":
                return List(value, "any", depth, factsForbidden: true) is { } any ? new AnyCondition(any) : null;
            case "not":
                var directFact = value is YamlMapping { Entries.Count: 1 } inner && inner.Entries[0].Key.Value is "fact" or "styleAvoided";
                return Parse(value, depth + 1, factsForbidden || !directFact) is { } child ? new NotCondition(child) : null;
            case "fact" or "styleAvoided" when factsForbidden:
                reader.Error(key, $"'{key.Value}' can stand only at the top of 'when', inside 'all', or directly under 'not'; write one rule for each alternative");
                return null;
            case "fact":
                return reader.FactName(value) is { } name ? new FactCondition(name) : null;
            case "styleAvoided":
                return reader.Enum<MassageStyle>(value, "styleAvoided") is { } style ? new StyleAvoidedCondition(style) : null;
        }

        if (FactField.Find(key.Value) is not { } field)
        {
            reader.Error(key, $"unknown field or operator {Quote.Value(key.Value)}; expected one of {Keys}");
            return null;
        }

        return field.Kind switch
        {
            FieldKind.Enum => EnumTest(field, value),
            FieldKind.Boolean => reader.Boolean(value, field.Name) is { } flag ? new BooleanCondition(field, flag) : null,
            FieldKind.Integer => IntegerTest(field, value),
            _ => SetTest(field, value),
        };
    }

    private List<Condition>? List(YamlNode node, string what, int depth, bool factsForbidden)
    {
        if (reader.Sequence(node, $"'{what}'") is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            reader.Error(node, $"'{what}' needs at least one condition");
            return null;
        }

        var children = sequence.Items.Select(item => Parse(item, depth + 1, factsForbidden)).ToList();
        return children.Contains(null) ? null : [.. children.OfType<Condition>()];
    }

    private Condition? EnumTest(FactField field, YamlNode value)
    {
        var mask = field.EnumType == typeof(SciaticaCause) ? reader.EnumMask<SciaticaCause>(value, field.Name)
            : field.EnumType == typeof(FlareState) ? reader.EnumMask<FlareState>(value, field.Name)
            : reader.EnumMask<PainSensitivity>(value, field.Name);
        return mask is { } m ? new EnumCondition(field, m) : null;
    }

    private Condition? IntegerTest(FactField field, YamlNode value)
    {
        if (value is YamlScalar)
        {
            return reader.Integer(value, field.Name) is { } exact ? new IntegerCondition(field, exact, exact, null) : null;
        }

        if (reader.Mapping(value, $"the test on '{field.Name}'") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, $"the test on '{field.Name}'", "atLeast", "atMost", "above", "below", "given");
        int? atLeast = null, atMost = null;
        bool? given = null;
        var valid = true;
        foreach (var (key, node) in mapping.Entries)
        {
            var number = key.Value == "given" ? null : reader.Integer(node, $"'{key.Value}'", -1_000_000, 1_000_000);
            valid &= key.Value == "given" || number is not null;
            switch (key.Value)
            {
                case "atLeast" when number is { } n: atLeast = Math.Max(atLeast ?? int.MinValue, n); break;
                case "above" when number is { } n: atLeast = Math.Max(atLeast ?? int.MinValue, n + 1); break;
                case "atMost" when number is { } n: atMost = Math.Min(atMost ?? int.MaxValue, n); break;
                case "below" when number is { } n: atMost = Math.Min(atMost ?? int.MaxValue, n - 1); break;
                case "given":
                    given = reader.Boolean(node, "'given'");
                    valid &= given is not null;
                    break;
            }
        }

        if (mapping.Entries.Count == 0)
        {
            reader.Error(value, $"the test on '{field.Name}' needs atLeast, atMost, above, below or given");
            return null;
        }

        return valid ? new IntegerCondition(field, atLeast, atMost, given) : null;
    }

    private Condition? SetTest(FactField field, YamlNode value)
    {
        if (reader.Mapping(value, $"the test on '{field.Name}'") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, $"the test on '{field.Name}'", "any", "all", "none", "empty");
        if (mapping.Entries.Count == 0)
        {
            reader.Error(value, $"the test on '{field.Name}' needs any, all, none or empty");
            return null;
        }

        int? any = null, all = null, none = null;
        bool? empty = null;
        var valid = true;
        foreach (var (key, node) in mapping.Entries)
        {
            if (key.Value == "empty")
            {
                empty = reader.Boolean(node, "'empty'");
                valid &= empty is not null;
                continue;
            }

            var mask = SetMask(field, node, $"'{key.Value}' on '{field.Name}'");
            valid &= mask is not null;
            switch (key.Value)
            {
                case "any": any = mask; break;
                case "all": all = mask; break;
                case "none": none = mask; break;
            }
        }

        return valid ? new SetCondition(field, any, all, none, empty) : null;
    }

    private int? SetMask(FactField field, YamlNode node, string what) =>
        field.EnumType == typeof(Symptom) ? reader.EnumMask<Symptom>(node, what, allowSingle: false)
        : field.EnumType == typeof(RedFlag) ? reader.EnumMask<RedFlag>(node, what, allowSingle: false)
        : field.EnumType == typeof(HealthCondition) ? reader.EnumMask<HealthCondition>(node, what, allowSingle: false)
        : reader.EnumMask<MassageStyle>(node, what, allowSingle: false);
}
