using System.Collections.Frozen;

namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>The question and help text of every profile field, keyed by the field's contract name.</summary>
/// <remarks>
/// The fields themselves come from <see cref="Profiles.ProfileFields.All"/>; this table only words
/// them. A test fails when a field has no entry here, so a new field cannot reach the form unasked.
/// </remarks>
internal static class IntakeQuestions
{
    public static FrozenDictionary<string, IntakeQuestion> ByField { get; } = new Dictionary<string, IntakeQuestion>(StringComparer.Ordinal)
    {
        ["cause"] = new(IntakeGroup.Pain,
            "What has a doctor said is causing the sciatica?",
            "Ask whether a doctor or physical therapist has named the cause (for example a slipped disc). If no one has, or the person is not sure, choose 'Not known yet'."),
        ["flare"] = new(IntakeGroup.Pain,
            "Is the pain flaring up right now?",
            "A flare-up is a spell when the pain is much worse than usual. Ask whether that is happening today, settling down after one, or not happening."),
        ["painSensitivity"] = new(IntakeGroup.Pain,
            "How much pressure on the painful area can the person take?",
            "Ask how it feels when the sore area is pressed, for example by a hand: is firm pressure fine, only medium pressure, or does anything more than a light touch hurt?"),
        ["painIntensity"] = new(IntakeGroup.Pain,
            "How bad is the pain right now, from 0 to 10?",
            "Ask the person to rate the pain: 0 is no pain at all, 10 is the worst pain they can imagine. 1-3 is mild, 4-6 moderate, 7-10 severe."),
        ["symptomWeeks"] = new(IntakeGroup.Pain,
            "How many weeks has the person had these symptoms?",
            "Count whole weeks since the pain or other symptoms began (0 if it started this week). Leave empty if the person does not know."),
        ["symptoms"] = new(IntakeGroup.Symptoms,
            "Which of these does the person have?",
            "Read each one out and tick every one the person has now. Leave all unticked if none apply."),
        ["redFlags"] = new(IntakeGroup.WarningSigns,
            "Does the person have any of these warning signs?",
            "Read each one out and tick every one that applies. Any of them means a doctor must see the person before a massage; numbness around the groin or new bladder or bowel trouble means emergency care now."),
        ["conditions"] = new(IntakeGroup.OtherConditions,
            "Does the person have any of these other conditions?",
            "Read each one out and tick every one that applies. They change which massage is safe."),
        ["avoidStyles"] = new(IntakeGroup.Wishes,
            "Are there massage styles the person does not want?",
            "Tick any style the person does not want; it will never be recommended. Leave all unticked if the person has no preference."),
        ["diagnosisConfirmed"] = new(IntakeGroup.Clearance,
            "Has a doctor or physical therapist diagnosed the sciatica?",
            "Answer yes only if a doctor or physical therapist has examined the person and said it is sciatica. If not answered, it counts as no."),
        ["clinicianApproved"] = new(IntakeGroup.Clearance,
            "Has a doctor or physical therapist said massage is all right?",
            "Answer yes only if a doctor or physical therapist has approved massage for this person. If not answered, it counts as no."),
        ["weeksInTreatment"] = new(IntakeGroup.Clearance,
            "For how many weeks has the person been coming for massage for this?",
            "Count whole weeks since the current course of massage started; 0 if this is the first visit. If not answered, it counts as 0."),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
