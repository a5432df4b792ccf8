using System.Globalization;
using System.Text;

using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Reliability.Fuzzing;

/// <summary>
/// A rule set for fuzzing and determinism runs that does not depend on the built-in default: it
/// touches every profile field and every action kind, so advice varies with the input, and it keeps
/// the GUIDANCE invariants for every valid profile. Also the seeded generator of valid profiles.
/// </summary>
/// <remarks>Shared by the xunit tests and the console fuzzer (tests/SciaticaAdvisor.Fuzz links this file).</remarks>
internal static class FuzzRuleSet
{
    public const string SourceName = "fuzz-rules.yaml";

    public static readonly string Text = $$"""
        name: fuzz-rules
        version: 1.0.0
        description: A rule set for the reliability tests; not clinical advice.
        settings:
          cautionPenalty: 12
        styles:
          reflexology: { pressure: moderate, focus: [feet] }
        rules:
        {{RuleText.Baseline}}
          - id: red-flag-emergency
            name: Emergency red flags
            guidance: G2.1
            priority: 1000
            when: { redFlags: { any: [saddleAnesthesia, bowelOrBladderDysfunction] } }
            then: [ { refer: { urgency: emergency, reason: possible cauda equina syndrome } } ]
          - id: red-flag-urgent
            name: Urgent red flags
            guidance: G2.2
            priority: 900
            when: { redFlags: { any: [progressiveWeakness, fever, unexplainedWeightLoss, recentTrauma] } }
            then: [ { refer: { urgency: urgent, reason: a doctor must rule out a serious cause } } ]
          - id: cancer-routine
            name: History of cancer
            guidance: G2.3
            when: { redFlags: { any: [historyOfCancer] } }
            then: [ { refer: { urgency: routine, reason: tell the doctor about the history of cancer } } ]
          - id: acute-flare
            name: Acute flare
            guidance: G3.1
            priority: 100
            when: { flare: acute }
            then:
              - contraindicate: { style: deepTissue, level: avoid, reason: no deep massage in an acute flare }
              - capPressure: { max: light }
              - adjunct: { therapy: heatIce, reason: 'ice for the first 48 hours, then heat' }
              - phase: intensive
              - derive: inFlare
          - id: subsiding-flare
            name: Subsiding flare
            guidance: G3.2
            when: { flare: subsiding }
            then:
              - capPressure: { max: moderate }
              - contraindicate: { style: shiatsu, level: caution, reason: point pressure can stir the flare }
              - derive: settling
          - id: settling-focus
            name: Settling focus
            guidance: G3.2
            when: { all: [ { fact: settling }, { painIntensity: { atLeast: 5 } } ] }
            then: [ { focus: { styles: [relaxation, lomiLomi], areas: [lowerBack, gluteals] } } ]
          - id: not-in-flare
            name: Not in a flare
            guidance: G3.3
            priority: -10
            when: { not: { fact: inFlare } }
            then: [ { recommend: { style: deepTissue, score: 5 } } ]
          - id: anticoagulants
            name: Anticoagulants
            guidance: G4.1
            when: { conditions: { any: [anticoagulants, suspectedDvt, osteoporosis] } }
            then: [ { contraindicate: { style: deepTissue, level: avoid, reason: bruising and clot risk } } ]
          - id: pregnancy
            name: Pregnancy
            guidance: G4.2
            when: { conditions: { all: [pregnancy] } }
            then:
              - contraindicate: { style: reflexology, level: caution, reason: some points are avoided in pregnancy }
              - note: position the person on her side
          - id: skin
            name: Skin lesion
            guidance: G4.3
            when: { conditions: { any: [skinLesionInArea, recentSpinalSurgery] } }
            then: [ { note: skip the affected area } ]
          - id: high-sensitivity
            name: High sensitivity
            guidance: G5.1
            when: { painSensitivity: high }
            then:
              - capPressure: { max: moderate, styles: [deepTissue, shiatsu] }
              - recommend: { style: relaxation, score: 25, rationale: Gentle strokes suit a sensitive area. }
          - id: severe-pain
            name: Severe pain
            guidance: G5.2
            when: { painIntensity: { atLeast: 7 } }
            then: [ { phase: intensive }, { recommend: { style: reflexology, score: 15 } } ]
          - id: chronic
            name: Chronic pain
            guidance: G6.1
            when: { symptomWeeks: { above: 12 } }
            then: [ { recommend: { style: lomiLomi, score: 22, rationale: Long strokes ease chronic pain. } } ]
          - id: no-duration
            name: No duration given
            guidance: G6.2
            when: { symptomWeeks: { given: false } }
            then: [ { note: ask how long the symptoms have lasted } ]
          - id: nerve-symptoms
            name: Nerve symptoms
            guidance: G7.1
            when: { symptoms: { any: [tingling, numbness, radiatingLegPain] } }
            then: [ { focus: { styles: [deepTissue, shiatsu], areas: [piriformis, gluteals, hamstrings] } } ]
          - id: sitting
            name: Worse when sitting
            guidance: G7.2
            when: { symptoms: { all: [worseWhenSitting], none: [legWeakness] } }
            then: [ { note: stand up every half hour }, { focus: { styles: [lomiLomi], areas: [hipFlexors] } } ]
          - id: stenosis-order
            name: Stenosis
            guidance: G7.3
            when: { cause: [spinalStenosis, spondylolisthesis] }
            then: [ { rankAbove: { style: relaxation, than: deepTissue } } ]
          - id: piriformis-top
            name: Piriformis
            guidance: G7.4
            when: { all: [ { cause: piriformisSyndrome }, { not: { styleAvoided: deepTissue } } ] }
            then: [ { rankInTop: { style: deepTissue, n: 2 } } ]
          - id: corrective
            name: Corrective phase
            guidance: G10.2
            when: { all: [ { weeksInTreatment: { atLeast: 4, below: 12 } }, { diagnosisConfirmed: true } ] }
            then: [ { phase: corrective } ]
          - id: clinician
            name: Approval
            guidance: G1.1
            when: { clinicianApproved: false }
            then: [ { note: ask a clinician to approve massage } ]
          - id: not-wanted-shiatsu
            name: Not wanted shiatsu
            guidance: G7.6
            priority: 80
            when: { avoidStyles: { any: [shiatsu] } }
            then: [ { contraindicate: { style: shiatsu, level: avoid, reason: not wanted } } ]
          - id: not-wanted-deep-tissue
            name: Not wanted deepTissue
            guidance: G7.6
            priority: 80
            when: { avoidStyles: { any: [deepTissue] } }
            then: [ { contraindicate: { style: deepTissue, level: avoid, reason: not wanted } } ]
          - id: not-wanted-lomi-lomi
            name: Not wanted lomiLomi
            guidance: G7.6
            priority: 80
            when: { avoidStyles: { any: [lomiLomi] } }
            then: [ { contraindicate: { style: lomiLomi, level: avoid, reason: not wanted } } ]
          - id: not-wanted-relaxation
            name: Not wanted relaxation
            guidance: G7.6
            priority: 80
            when: { avoidStyles: { any: [relaxation] } }
            then: [ { contraindicate: { style: relaxation, level: avoid, reason: not wanted } } ]
          - id: not-wanted-reflexology
            name: Not wanted reflexology
            guidance: G7.6
            priority: 80
            when: { avoidStyles: { any: [reflexology] } }
            then: [ { contraindicate: { style: reflexology, level: avoid, reason: not wanted } } ]
          - id: avoided
            name: Avoided styles
            guidance: G1.2
            when: { avoidStyles: { empty: false } }
            then: [ { note: some styles are not wanted } ]
        """;

    private static readonly string[] Causes = ["herniatedDisc", "spinalStenosis", "piriformisSyndrome", "spondylolisthesis", "unknown"];
    private static readonly string[] Flares = ["none", "subsiding", "acute"];
    private static readonly string[] Sensitivities = ["low", "moderate", "high"];
    private static readonly string[] Symptoms = ["lowerBackPain", "buttockPain", "radiatingLegPain", "tingling", "numbness", "legWeakness", "worseWhenSitting"];
    private static readonly string[] RedFlags = ["saddleAnesthesia", "bowelOrBladderDysfunction", "progressiveWeakness", "fever", "unexplainedWeightLoss", "historyOfCancer", "recentTrauma"];
    private static readonly string[] Conditions = ["suspectedDvt", "anticoagulants", "osteoporosis", "pregnancy", "recentSpinalSurgery", "skinLesionInArea"];
    private static readonly string[] Styles = ["shiatsu", "deepTissue", "lomiLomi", "relaxation", "reflexology"];

    /// <summary>The names of every property a profile may have, for mutations that rename or add one.</summary>
    public static readonly string[] PropertyNames =
    [
        "cause", "flare", "painSensitivity", "painIntensity", "symptomWeeks", "symptoms", "redFlags",
        "conditions", "diagnosisConfirmed", "clinicianApproved", "weeksInTreatment", "avoidStyles",
    ];

    /// <summary>Every enum value a profile may hold, for mutations that move a value to the wrong place.</summary>
    public static readonly string[] AllValues = [.. Causes, .. Flares, .. Sensitivities, .. Symptoms, .. RedFlags, .. Conditions, .. Styles];

    public static Advisor Build() => new AdvisorBuilder().AddRules(Text, SourceName).Build();

    /// <summary>A valid profile as JSON properties (name, raw JSON value), in a random order, optional ones sometimes left out or null.</summary>
    public static List<KeyValuePair<string, string>> ValidProperties(Random random)
    {
        var properties = new List<KeyValuePair<string, string>>
        {
            new("cause", Quote(Pick(random, Causes))),
            new("flare", Quote(Pick(random, Flares))),
            new("painSensitivity", Quote(Pick(random, Sensitivities))),
            new("painIntensity", random.Next(0, 11).ToString(CultureInfo.InvariantCulture)),
        };
        Optional(random, properties, "symptomWeeks", () => Weeks(random));
        Optional(random, properties, "symptoms", () => Set(random, Symptoms));
        Optional(random, properties, "redFlags", () => random.Next(4) == 0 ? Set(random, RedFlags) : "[]");
        Optional(random, properties, "conditions", () => Set(random, Conditions));
        Optional(random, properties, "diagnosisConfirmed", () => random.Next(2) == 0 ? "true" : "false");
        Optional(random, properties, "clinicianApproved", () => random.Next(2) == 0 ? "true" : "false");
        Optional(random, properties, "weeksInTreatment", () => Weeks(random));
        Optional(random, properties, "avoidStyles", () => Set(random, Styles));
        Shuffle(random, properties);
        return properties;
    }

    /// <summary>A valid profile's JSON.</summary>
    public static string ValidProfileJson(Random random) => Join(ValidProperties(random), compact: random.Next(2) == 0);

    /// <summary>Writes properties as a JSON object, keeping duplicates and order as given.</summary>
    public static string Join(List<KeyValuePair<string, string>> properties, bool compact = true)
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(compact ? "," : ",\n  ");
            }

            builder.Append(properties[i].Key.StartsWith('"') ? properties[i].Key : Quote(properties[i].Key))
                .Append(compact ? ":" : ": ").Append(properties[i].Value);
        }

        return builder.Append('}').ToString();
    }

    public static string Quote(string text) => "\"" + text + "\"";

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Weeks(Random random) =>
        (random.Next(3) == 0 ? random.Next(0, 521) : random.Next(0, 30)).ToString(CultureInfo.InvariantCulture);

    private static void Optional(Random random, List<KeyValuePair<string, string>> properties, string name, Func<string> value)
    {
        switch (random.Next(5))
        {
            case 0: break;
            case 1: properties.Add(new(name, "null")); break;
            default: properties.Add(new(name, value())); break;
        }
    }

    private static string Set(Random random, string[] values)
    {
        var chosen = values.Where(_ => random.Next(3) == 0).ToList();
        Shuffle(random, chosen);
        return "[" + string.Join(",", chosen.Select(Quote)) + "]";
    }

    public static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
