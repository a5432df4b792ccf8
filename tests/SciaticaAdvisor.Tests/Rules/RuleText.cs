using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Rules;

/// <summary>Builds small rule sets for engine tests: a baseline that recommends every style and sets a phase, plus the rules under test.</summary>
internal static class RuleText
{
    public const string Baseline = """
          - id: base-shiatsu
            name: Shiatsu baseline
            guidance: G8
            then: [ { recommend: { style: shiatsu, score: 50, rationale: Finger pressure along the meridians. } } ]
          - id: base-deep-tissue
            name: Deep tissue baseline
            guidance: G8
            then: [ { recommend: { style: deepTissue, score: 40, rationale: Slow firm strokes. } } ]
          - id: base-lomi-lomi
            name: Lomi lomi baseline
            guidance: G8
            then: [ { recommend: { style: lomiLomi, score: 30, rationale: Long flowing strokes. } } ]
          - id: base-relaxation
            name: Relaxation baseline
            guidance: G8
            then: [ { recommend: { style: relaxation, score: 20, rationale: Calms the nervous system. } } ]
          - id: base-reflexology
            name: Reflexology baseline
            guidance: G8
            then: [ { recommend: { style: reflexology, score: 10, rationale: Pressure points of the feet. } } ]
          - id: base-phase
            name: Maintenance phase
            guidance: G10.1
            then: [ { phase: maintenance } ]
        """;

    /// <summary>
    /// A layer over the default rules that faults on some profiles and not others: shiatsu first for
    /// low and moderate sensitivity contradicts the default's relaxation or reflexology first in an
    /// acute flare (and deep tissue first for piriformis syndrome), so those profiles get a
    /// <c>RuleSetFaultException</c> ("no ranking keeps every placement") and the rest are advised.
    /// </summary>
    public const string ShiatsuFirstLayer = """
        name: shiatsu-first
        version: 1.0.0
        rules:
          - id: shiatsu-first-always
            name: Shiatsu first
            guidance: G3.1
            priority: 20
            when:
              painSensitivity: [low, moderate]
            then:
              - rankFirst: shiatsu

        """;

    /// <summary>A rule file with the baseline and the given rules (YAML list items indented by two spaces).</summary>
    public static string With(string rules) => $"""
        name: test-rules
        version: 0.0.1
        rules:
        {Baseline}
        {rules}
        """;

    public static Advisor Advisor(string rules) => new AdvisorBuilder().AddRules(With(rules), "test.yaml").Build();

    public static SymptomProfile Profile(
        FlareState flare = FlareState.None,
        PainSensitivity sensitivity = PainSensitivity.Low,
        int intensity = 3) => new()
        {
            Cause = SciaticaCause.PiriformisSyndrome,
            Flare = flare,
            PainSensitivity = sensitivity,
            PainIntensity = intensity,
            DiagnosisConfirmed = true,
            ClinicianApproved = true,
        };

    public static IEnumerable<MassageStyle> Order(MassageAdvice advice) => advice.Styles.Select(s => s.Style);
}
