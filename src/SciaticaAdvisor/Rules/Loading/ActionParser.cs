using System.Numerics;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Rules.Loading;

/// <summary>Reads a rule's <c>then</c> actions, checking every style, level and value.</summary>
internal sealed class ActionParser(NodeReader reader)
{
    private const string Keys = "recommend, contraindicate, capPressure, focus, adjunct, refer, note, phase, derive, rankFirst, rankInTop, rankAbove";

    // The style count and the lists below over ints, not LINQ over the enum: a framework generic over
    // one of our enums is JIT-compiled on every cold start (docs/performance.md, "Cold start, third round").
    private static readonly int StyleCount = EnumNames<MassageStyle>.Names.Length;

    public RuleAction? Parse(YamlNode node)
    {
        if (reader.Single(node, "an action", Keys) is not { } entry)
        {
            return null;
        }

        var (key, value) = entry;
        return key.Value switch
        {
            "recommend" => Recommend(value),
            "contraindicate" => Contraindicate(value),
            "capPressure" => CapPressure(value),
            "focus" => Focus(value),
            "adjunct" => Fields(value, "adjunct", ["therapy", "reason"], m =>
                reader.Enum<AdjunctTherapy>(Need(m, "therapy", "adjunct"), "therapy") is { } therapy
                && reader.Text(Need(m, "reason", "adjunct"), "reason") is { } reason ? new AdjunctAction(therapy, reason) : null),
            "refer" => Fields(value, "refer", ["urgency", "reason"], m =>
                reader.Enum<ReferralUrgency>(Need(m, "urgency", "refer"), "urgency") is { } urgency
                && reader.Text(Need(m, "reason", "refer"), "reason") is { } reason ? new ReferAction(urgency, reason) : null),
            "note" => reader.Text(value, "a note") is { } text ? new NoteAction(text) : null,
            "phase" => reader.Enum<PlanPhase>(value, "phase") is { } phase ? new PhaseAction(phase) : null,
            "derive" => reader.FactName(value) is { } name ? new DeriveAction(name) : null,
            "rankFirst" => reader.EnumMask<MassageStyle>(value, "rankFirst") is { } mask
                ? new PlaceAction(new Placement(PlacementKind.First, Styles(mask))) : null,
            "rankInTop" => Fields(value, "rankInTop", ["style", "n"], m =>
                reader.Enum<MassageStyle>(Need(m, "style", "rankInTop"), "style") is { } style
                && reader.Integer(Need(m, "n", "rankInTop"), "n", 1, StyleCount) is { } n
                    ? new PlaceAction(new Placement(PlacementKind.InTop, [style], n)) : null),
            "rankAbove" => Fields(value, "rankAbove", ["style", "than"], m =>
                reader.Enum<MassageStyle>(Need(m, "style", "rankAbove"), "style") is { } style
                && reader.Enum<MassageStyle>(Need(m, "than", "rankAbove"), "than") is { } than
                    ? new PlaceAction(new Placement(PlacementKind.Above, [style], Other: than)) : null),
            _ => Unknown(key),
        };
    }

    private RuleAction? Unknown(YamlScalar key)
    {
        reader.Error(key, $"unknown action {Quote.Value(key.Value)}; expected one of {Keys}");
        return null;
    }

    private RuleAction? Recommend(YamlNode value) => Fields(value, "recommend", ["style", "score", "rationale"], m =>
    {
        var style = reader.Enum<MassageStyle>(Need(m, "style", "recommend"), "style");
        var score = reader.Number(Need(m, "score", "recommend"), "score");
        var rationale = NodeReader.Get(m, "rationale") is { } node ? reader.Text(node, "rationale") : null;
        return style is { } s && score is { } n ? new RecommendAction(s, n, rationale) : null;
    });

    private RuleAction? Contraindicate(YamlNode value) => Fields(value, "contraindicate", ["style", "level", "reason"], m =>
        reader.Enum<MassageStyle>(Need(m, "style", "contraindicate"), "style") is { } style
        && reader.Enum<ContraindicationLevel>(Need(m, "level", "contraindicate"), "level") is { } level
        && reader.Text(Need(m, "reason", "contraindicate"), "reason") is { } reason
            ? new ContraindicateAction(style, level, reason) : null);

    private RuleAction? CapPressure(YamlNode value) => Fields(value, "capPressure", ["max", "styles"], m =>
    {
        var max = reader.Enum<Pressure>(Need(m, "max", "capPressure"), "max");
        var styles = NodeReader.Get(m, "styles") is { } node ? reader.EnumMask<MassageStyle>(node, "styles") : AllMask;
        return max is { } p && styles is { } s ? new CapPressureAction(p, Styles(s)) : null;
    });

    private RuleAction? Focus(YamlNode value) => Fields(value, "focus", ["styles", "areas"], m =>
    {
        var styles = reader.EnumMask<MassageStyle>(Need(m, "styles", "focus"), "styles");
        var areas = reader.EnumMask<FocusArea>(Need(m, "areas", "focus"), "areas");
        return styles is { } s && areas is { } a ? new FocusAction(Styles(s), a) : null;
    });

    private RuleAction? Fields(YamlNode value, string what, string[] keys, Func<YamlMapping, RuleAction?> read)
    {
        if (reader.Mapping(value, $"'{what}'") is not { } mapping)
        {
            return null;
        }

        reader.OnlyKeys(mapping, $"'{what}'", keys);
        return read(mapping);
    }

    private YamlNode? Need(YamlMapping mapping, string key, string what) => reader.Require(mapping, key, $"'{what}'");

    private static int AllMask => (1 << StyleCount) - 1;

    /// <summary>The styles in <paramref name="mask"/>, in the enum's order.</summary>
    private static IReadOnlyList<MassageStyle> Styles(int mask)
    {
        Span<MassageStyle> styles = stackalloc MassageStyle[StyleCount];
        var count = 0;
        for (var bits = mask & AllMask; bits != 0; bits &= bits - 1)
        {
            styles[count++] = (MassageStyle)BitOperations.TrailingZeroCount(bits);
        }

        return [.. styles[..count]];
    }
}
