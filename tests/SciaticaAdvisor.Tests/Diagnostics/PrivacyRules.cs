using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Diagnostics;

/// <summary>
/// A rule set whose advice repeats the profile's values in its reasons and notes, and a batch of
/// varied profiles: if logging ever wrote an advice's content, the profile would show in the log.
/// </summary>
internal static class PrivacyRules
{
    public const string RuleSetName = "privacy-rules";

    /// <summary>Week counts unlikely to turn up in a log by chance, so seeing one means a leak.</summary>
    public static readonly ImmutableArray<int> DistinctWeeks = [137, 251, 389, 463, 317, 173, 229, 419];

    public static string Text => RuleText.With("""
          - id: acute-flare
            name: Acute flare is gentle
            guidance: G3.1
            when: { flare: acute }
            then: [ { contraindicate: { style: deepTissue, level: avoid, reason: acute flare } }, { capPressure: { max: light } } ]
          - id: refer-saddle
            name: Saddle anesthesia refers
            guidance: G1
            when: { redFlags: { any: [saddleAnesthesia, bowelOrBladderDysfunction] } }
            then: [ { refer: { urgency: emergency, reason: saddleAnesthesia or bowelOrBladderDysfunction } } ]
          - id: refer-fever
            name: Fever refers
            guidance: G1
            when: { redFlags: { any: [fever, unexplainedWeightLoss, historyOfCancer, recentTrauma, progressiveWeakness] } }
            then: [ { refer: { urgency: urgent, reason: fever unexplainedWeightLoss historyOfCancer recentTrauma progressiveWeakness } } ]
          - id: note-symptoms
            name: Symptoms noted
            guidance: G8
            when: { symptoms: { empty: false } }
            then: [ { note: tingling numbness legWeakness worseWhenSitting buttockPain radiatingLegPain lowerBackPain } ]
          - id: condition-caution
            name: Conditions caution
            guidance: G4
            when: { conditions: { empty: false } }
            then: [ { contraindicate: { style: deepTissue, level: caution, reason: osteoporosis pregnancy anticoagulants suspectedDvt recentSpinalSurgery skinLesionInArea } } ]
        """).Replace("name: test-rules", "name: " + RuleSetName, StringComparison.Ordinal);

    /// <remarks>Without the advice cache, so every profile runs the engine and logs all it would.</remarks>
    public static Advisor Advisor(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory) =>
        new AdvisorBuilder().AddRules(Text, "privacy.yaml").UseLoggerFactory(loggerFactory).UseAdviceCache(0).Build();

    /// <summary>Profiles that between them use every cause, symptom, red flag and condition.</summary>
    public static IReadOnlyList<SymptomProfile> Batch()
    {
        var symptoms = Enum.GetValues<Symptom>();
        var flags = Enum.GetValues<RedFlag>();
        var conditions = Enum.GetValues<HealthCondition>();
        return [.. Enumerable.Range(0, 24).Select(i => new SymptomProfile
        {
            Cause = (SciaticaCause)(i % 5),
            Flare = (FlareState)(i % 3),
            PainSensitivity = (PainSensitivity)(i / 3 % 3),
            PainIntensity = i % 11,
            SymptomWeeks = DistinctWeeks[i % DistinctWeeks.Length],
            WeeksInTreatment = DistinctWeeks[(i + 3) % DistinctWeeks.Length],
            Symptoms = [.. symptoms.Where((_, k) => (i + k) % 3 == 0)],
            RedFlags = i % 4 == 0 ? [flags[i / 4 % flags.Length]] : [],
            Conditions = i % 3 == 1 ? [conditions[i % conditions.Length]] : [],
            DiagnosisConfirmed = i % 2 == 0,
            ClinicianApproved = i % 5 != 0,
        })];
    }
}
