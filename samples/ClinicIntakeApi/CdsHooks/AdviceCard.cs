using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Advice;

namespace ClinicIntakeApi.CdsHooks;

/// <summary>Turns an advice into one CDS Hooks card the clinician can read at a glance.</summary>
internal static partial class AdviceCard
{
    public const int MaxSummary = 140;

    public static CdsCard From(MassageAdvice advice) => new(
        Guid.NewGuid().ToString(),
        Summary(advice),
        Indicator(advice),
        Detail(advice),
        new CdsSource(
            $"SciaticaAdvisor rule set {advice.RuleSet.Name} {advice.RuleSet.Version}",
            new CdsCoding("https://sciatica-advisor.example/cds", "sciatica-massage-advice", "Massage advice for sciatica")));

    /// <summary><c>critical</c> for an emergency referral; <c>warning</c> for an urgent referral or missing clearance; else <c>info</c>.</summary>
    public static string Indicator(MassageAdvice advice) => advice switch
    {
        { Referral.Urgency: ReferralUrgency.Emergency } => "critical",
        { Referral.Urgency: ReferralUrgency.Urgent } or { Status: AdviceStatus.ClearanceNeeded } => "warning",
        _ => "info",
    };

    public static string Summary(MassageAdvice advice)
    {
        var top = advice.Styles.IsEmpty ? null : advice.Styles[0];
        var text = (advice.Status, advice.Referral?.Urgency, top) switch
        {
            (_, ReferralUrgency.Emergency, _) => "Emergency referral: send to emergency care now; no massage.",
            (_, ReferralUrgency.Urgent, _) => "Urgent referral: a doctor must see the patient before any massage.",
            (AdviceStatus.Referral, _, _) => "No massage style is suitable now; refer to a clinician.",
            (AdviceStatus.ClearanceNeeded, _, { } s) => $"Provisional: {Words(s.Style)} at {Words(s.Pressure)} pressure, pending diagnosis and clinician approval.",
            (_, _, { } s) => $"Massage advised: {Words(s.Style)} at {Words(s.Pressure)} pressure.",
            _ => "No massage advice.",
        };
        return text.Length <= MaxSummary ? text : text[..(MaxSummary - 1)] + "…";
    }

    public static string Detail(MassageAdvice advice)
    {
        var md = new StringBuilder();
        if (advice.Referral is { } referral)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Referral ({Words(referral.Urgency)}):** {string.Join("; ", referral.Reasons)}").AppendLine();
        }

        if (!advice.Styles.IsEmpty)
        {
            md.AppendLine("**Suitable styles, best first**").AppendLine();
            foreach (var s in advice.Styles)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"{s.Rank}. **{Words(s.Style)}**, {Words(s.Pressure)} pressure, focus on {string.Join(", ", s.FocusAreas.Select(Words))}. {s.Rationale}");
            }

            md.AppendLine();
        }

        if (!advice.Contraindications.IsEmpty)
        {
            md.AppendLine("**Avoid or use with caution**").AppendLine();
            foreach (var c in advice.Contraindications)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Words(c.Style)} ({Words(c.Level)}): {c.Reason}");
            }

            md.AppendLine();
        }

        if (advice.Plan is { } plan)
        {
            var phase = plan.Phases.Single(p => p.Phase == plan.CurrentPhase);
            var weeks = phase.MaxWeeks is null ? $"from week {phase.MinWeeks ?? 0} on" : $"for {phase.MinWeeks}-{phase.MaxWeeks} weeks";
            md.AppendLine(CultureInfo.InvariantCulture, $"**Plan:** {Words(plan.CurrentPhase)} phase, {phase.MinSessions}-{phase.MaxSessions} sessions every {phase.PeriodWeeks} week(s) {weeks}. {phase.Goal}").AppendLine();
        }

        foreach (var adjunct in advice.Adjuncts)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Beside massage: {adjunct.Reason}");
        }

        foreach (var note in advice.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return md.ToString().TrimEnd();
    }

    /// <summary>An enum value in plain lowercase words: <c>DeepTissue</c> → <c>deep tissue</c>.</summary>
    public static string Words<T>(T value)
        where T : struct, Enum => WordBreak().Replace(value.ToString(), " $1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBreak();
}
