using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Rules.Loading;

namespace SciaticaAdvisor.Scenarios;

/// <summary>Reads a scenario's <c>expect</c> mapping; every key is optional, unknown keys are errors.</summary>
internal sealed class ExpectationParser(YamlNodes nodes)
{
    private static readonly ImmutableArray<string> Keys =
    [
        "status", "topStyle", "stylesPresent", "stylesAbsent", "rankAtMost", "rankedAbove", "contraindications",
        "pressure", "maxPressure", "focusAreas", "adjuncts", "phase", "referral", "referralReasons", "notesContain",
        "rulesFired", "rulesNotFired",
    ];

    public ScenarioExpectations Parse(YamlNode node)
    {
        var mapping = nodes.Mapping(node, "'expect'");
        if (mapping.Entries.Count == 0)
        {
            throw nodes.Fail(mapping, "'expect' must check at least one thing");
        }

        var expect = new ScenarioExpectations();
        foreach (var (keyNode, value) in mapping.Entries)
        {
            var key = nodes.Scalar(keyNode, "a key");
            expect = key switch
            {
                "status" => expect with { Status = nodes.Enum<AdviceStatus>(value, "status") },
                "topStyle" => expect with { TopStyle = value is YamlSequence ? NonEmpty(nodes.EnumList<MassageStyle>(value, "style"), value) : [nodes.Enum<MassageStyle>(value, "style")] },
                "stylesPresent" => expect with { StylesPresent = nodes.EnumList<MassageStyle>(value, "style") },
                "stylesAbsent" => expect with { StylesAbsent = nodes.EnumList<MassageStyle>(value, "style") },
                "rankAtMost" => expect with { RankAtMost = [.. nodes.EnumKeyed<MassageStyle>(value, "'rankAtMost'", "style").Select(e => new RankLimit(e.Key, nodes.Integer(e.Value, "a rank", 1)))] },
                "rankedAbove" => expect with { RankedAbove = [.. nodes.Sequence(value, "'rankedAbove'").Items.Select(ParsePair)] },
                "contraindications" => expect with { Contraindications = [.. nodes.EnumKeyed<MassageStyle>(value, "'contraindications'", "style").Select(e => new ExpectedContraindication(e.Key, ParseLevel(e.Value)))] },
                "pressure" => expect with { Pressure = [.. nodes.EnumKeyed<MassageStyle>(value, "'pressure'", "style").Select(e => new ExpectedPressure(e.Key, nodes.Enum<Pressure>(e.Value, "pressure")))] },
                "maxPressure" => expect with { MaxPressure = nodes.Enum<Pressure>(value, "pressure") },
                "focusAreas" => expect with { FocusAreas = [.. nodes.EnumKeyed<MassageStyle>(value, "'focusAreas'", "style").Select(e => new ExpectedFocus(e.Key, nodes.EnumList<FocusArea>(e.Value, "focus area")))] },
                "adjuncts" => expect with { Adjuncts = nodes.EnumList<AdjunctTherapy>(value, "adjunct therapy") },
                "phase" => expect with { ChecksPhase = true, Phase = YamlNodes.IsNull(value) ? null : nodes.Enum<PlanPhase>(value, "phase", "null for no plan") },
                "referral" => expect with { ChecksReferral = true, Referral = nodes.Scalar(value, "'referral'") == "none" ? null : nodes.Enum<ReferralUrgency>(value, "referral urgency", "none") },
                "referralReasons" => expect with { ReferralReasons = nodes.Integer(value, "'referralReasons'", 0) },
                "notesContain" => expect with { NotesContain = nodes.TextList(value, "note text") },
                "rulesFired" => expect with { RulesFired = nodes.TextList(value, "rule id") },
                "rulesNotFired" => expect with { RulesNotFired = nodes.TextList(value, "rule id") },
                _ => throw nodes.Fail(keyNode, $"unknown expectation '{key}'; expected one of {string.Join(", ", Keys)}"),
            };
        }

        return expect;
    }

    private ImmutableArray<MassageStyle> NonEmpty(ImmutableArray<MassageStyle> styles, YamlNode node) =>
        styles.IsEmpty ? throw nodes.Fail(node, "'topStyle' must name at least one style") : styles;

    private RankOrder ParsePair(YamlNode node)
    {
        var pair = nodes.EnumList<MassageStyle>(node, "style");
        return pair.Length == 2 && pair[0] != pair[1]
            ? new RankOrder(pair[0], pair[1])
            : throw nodes.Fail(node, "each 'rankedAbove' entry must be a pair of two different styles, such as [shiatsu, deepTissue]");
    }

    private ContraindicationLevel? ParseLevel(YamlNode node) =>
        nodes.Scalar(node, "a contraindication level") == "none"
            ? null
            : nodes.Enum<ContraindicationLevel>(node, "contraindication level", "none");
}
