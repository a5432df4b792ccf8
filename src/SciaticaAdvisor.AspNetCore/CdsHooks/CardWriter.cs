using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.AspNetCore.CdsHooks;

/// <summary>Writes CDS Hooks 2.0 cards: the advice in plain words, or why there is none.</summary>
/// <remarks>Every word a clinician sees for a contract value comes from <see cref="PlainWords"/>.</remarks>
internal static class CardWriter
{
    public const int MaxSummary = 140;
    public const string OverrideReasonSystem = "https://sciaticaadvisor.github.io/fhir/CodeSystem/cds-override-reason";
    private static readonly BaseFhirJsonSerializer Fhir = new(ModelInfo.ModelInspector);

    private static readonly (string Code, string Display)[] OverrideReasons =
    [
        ("clinical-judgement", "My clinical judgement differs"),
        ("already-under-care", "The patient is already under a doctor's or therapist's care for this"),
        ("intake-out-of-date", "The intake is out of date"),
        ("patient-declined", "The patient declined"),
    ];

    public static JsonObject ForAdvice(MassageAdvice advice, SymptomProfile profile, string patientId, string baseUrl)
    {
        var card = Card(Summary(advice, profile), Indicator(advice), Detail(advice, profile), advice.RuleSet, baseUrl);
        if (CarePlanWriter.ToServiceRequest(advice, new ResourceReference("Patient/" + patientId)) is { } request)
        {
            var urgency = advice.Referral!.Urgency;
            card["selectionBehavior"] = "at-most-one";
            card["suggestions"] = new JsonArray(new JsonObject
            {
                ["label"] = $"Order the referral: {Lower(PlainWords.Display(urgency))}",
                ["uuid"] = Guid.NewGuid().ToString(),
                ["isRecommended"] = urgency != ReferralUrgency.Routine,
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "create",
                    ["description"] = "Create the referral as a proposed ServiceRequest.",
                    ["resource"] = JsonNode.Parse(Fhir.SerializeToString(request)),
                }),
            });
        }

        return card;
    }

    public static JsonObject NoIntake(string ruleSet, string baseUrl) => Card(
        "No completed sciatica intake for this patient: massage advice needs one.",
        "info",
        "The patient has no completed sciatica intake form, so there is no massage advice yet.\n\nAsk the patient (or the front desk) to fill in the intake form; the advice appears once it is completed.",
        null,
        baseUrl,
        ruleSet);

    public static JsonObject Unreadable(string reason, IEnumerable<ProfileError> errors, string ruleSet, string baseUrl)
    {
        var detail = new StringBuilder("The patient's sciatica intake could not be read, so there is no massage advice.\n\n");
        detail.Append(CultureInfo.InvariantCulture, $"Why: {Http.Problems.Short(reason)}.\n");
        foreach (var error in errors.Take(10))
        {
            detail.Append(CultureInfo.InvariantCulture, $"\n- `{Http.Problems.Short(error.Path)}`: {Http.Problems.Short(error.Message)}");
        }

        return Card("The sciatica intake could not be read: no massage advice.", "warning", detail.ToString(), null, baseUrl, ruleSet);
    }

    /// <summary><c>critical</c> for an emergency referral; <c>warning</c> for an urgent referral or missing clearance; else <c>info</c>.</summary>
    public static string Indicator(MassageAdvice advice) => advice switch
    {
        { Referral.Urgency: ReferralUrgency.Emergency } => "critical",
        { Referral.Urgency: ReferralUrgency.Urgent } or { Status: AdviceStatus.ClearanceNeeded } => "warning",
        _ => "info",
    };

    /// <summary>One line, at most 140 characters, that says what the advice says: never more, never less.</summary>
    public static string Summary(MassageAdvice advice, SymptomProfile profile)
    {
        var top = advice.Styles.IsEmpty ? null : advice.Styles[0];
        var text = (advice.Status, advice.Referral?.Urgency, top) switch
        {
            (_, ReferralUrgency.Emergency, _) => "Emergency: send the patient to emergency care now. No massage.",
            (_, ReferralUrgency.Urgent, _) => "Urgent: a doctor must see the patient before any massage.",
            (AdviceStatus.Referral, _, _) => "No massage style suits this patient now: refer to a physical therapist.",
            (AdviceStatus.ClearanceNeeded, _, { } s) => $"Provisional: {Style(s)}, until {Missing(profile)}.",
            (_, _, { } s) => $"Massage advised: {Style(s)}.",
            _ => "No massage advice.",
        };
        return Cut(text, MaxSummary);
    }

    public static string Detail(MassageAdvice advice, SymptomProfile profile)
    {
        var md = new StringBuilder();
        if (advice.Referral is { } referral)
        {
            md.Append(CultureInfo.InvariantCulture, $"**{PlainWords.Display(referral.Urgency)}.**\n\n");
            foreach (var reason in referral.Reasons)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {Sentence(reason)}\n");
            }

            md.Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"**{PlainWords.Display(advice.Status)}.** ");
        md.Append(advice.Status == AdviceStatus.ClearanceNeeded ? $"The plan below is provisional until {Missing(profile)}.\n\n" : PlainWords.Definition(advice.Status) + "\n\n");

        if (!advice.Styles.IsEmpty)
        {
            md.Append("**Suitable massage, best first**\n\n");
            foreach (var s in advice.Styles)
            {
                md.Append(CultureInfo.InvariantCulture, $"{s.Rank}. **{PlainWords.Display(s.Style)}**, {Lower(PlainWords.Display(s.Pressure))}, on: {string.Join(", ", s.FocusAreas.Select(a => Lower(PlainWords.Display(a))))}. {Sentence(s.Rationale)}\n");
            }

            md.Append('\n');
        }

        if (!advice.Contraindications.IsEmpty)
        {
            md.Append("**Avoid, or use with care**\n\n");
            foreach (var c in advice.Contraindications)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{PlainWords.Display(c.Style)}**: {Lower(PlainWords.Display(c.Level))}. {Sentence(c.Reason)}\n");
            }

            md.Append('\n');
        }

        if (advice.Plan is { } plan)
        {
            var phase = plan.Phases.Single(p => p.Phase == plan.CurrentPhase);
            md.Append(CultureInfo.InvariantCulture, $"**Plan now: {PlainWords.Display(plan.CurrentPhase)}.** {Schedule(phase)} {Sentence(phase.Goal)}\n\n");
        }

        foreach (var adjunct in advice.Adjuncts)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Beside massage, {Lower(PlainWords.Display(adjunct.Therapy))}: {Sentence(adjunct.Reason)}\n");
        }

        foreach (var note in advice.Notes)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Sentence(note)}\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\n_Rule set {advice.RuleSet.Name} {advice.RuleSet.Version}._");
        return md.ToString();
    }

    /// <summary>"1-2 sessions a week, for 4-6 weeks."</summary>
    public static string Schedule(PhasePlan phase)
    {
        var sessions = phase.MinSessions == phase.MaxSessions ? $"{phase.MinSessions}" : $"{phase.MinSessions}-{phase.MaxSessions}";
        var noun = phase.MaxSessions == 1 ? "session" : "sessions";
        var every = phase.PeriodWeeks == 1 ? "a week" : $"every {phase.PeriodWeeks} weeks";
        var weeks = phase.MaxWeeks is null ? "ongoing" : $"for {phase.MinWeeks}-{phase.MaxWeeks} weeks";
        return $"{sessions} {noun} {every}, {weeks}.";
    }

    private static JsonObject Card(string summary, string indicator, string detail, RuleSetInfo? ruleSet, string baseUrl, string? ruleSetLabel = null) => new()
    {
        ["uuid"] = Guid.NewGuid().ToString(),
        ["summary"] = Cut(summary, MaxSummary),
        ["indicator"] = indicator,
        ["detail"] = detail,
        ["source"] = new JsonObject
        {
            ["label"] = ruleSet is null ? $"SciaticaAdvisor ({ruleSetLabel})" : $"SciaticaAdvisor, rule set {ruleSet.Name} {ruleSet.Version}",
            ["url"] = baseUrl + "/about",
            ["topic"] = new JsonObject { ["system"] = OverrideReasonSystem.Replace("cds-override-reason", "cds-topic", StringComparison.Ordinal), ["code"] = "sciatica-massage", ["display"] = "Massage advice for sciatica" },
        },
        ["overrideReasons"] = new JsonArray([.. OverrideReasons.Select(r => (JsonNode)new JsonObject { ["system"] = OverrideReasonSystem, ["code"] = r.Code, ["display"] = r.Display })]),
        ["links"] = new JsonArray(
            new JsonObject { ["label"] = "Open the sciatica intake form", ["url"] = baseUrl + "/", ["type"] = "absolute" },
            new JsonObject { ["label"] = "How this advice is made", ["url"] = baseUrl + "/about", ["type"] = "absolute" }),
    };

    private static string Style(StyleAdvice s) => $"{PlainWords.Display(s.Style)}, {Lower(PlainWords.Display(s.Pressure))}";

    private static string Missing(SymptomProfile profile) => (profile.DiagnosisConfirmed, profile.ClinicianApproved) switch
    {
        (false, false) => "a clinician confirms the diagnosis and approves massage",
        (false, true) => "a clinician confirms the diagnosis",
        _ => "a doctor or physical therapist approves massage",
    };

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        trimmed = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)] + "…";
    }
}
