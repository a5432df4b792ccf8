using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Fhir.CarePlans;

/// <summary>The sentences of a care plan, built from <see cref="PlainWords"/> and the advice's own words.</summary>
internal static class PlanWords
{
    /// <summary>"1-2 sessions a week for 4-6 weeks".</summary>
    public static string Schedule(PhasePlan phase)
    {
        var sessions = phase.MinSessions == phase.MaxSessions ? $"{phase.MinSessions}" : $"{phase.MinSessions}-{phase.MaxSessions}";
        var noun = phase.MaxSessions == 1 ? "session" : "sessions";
        var period = phase.PeriodWeeks == 1 ? "a week" : $"every {phase.PeriodWeeks} weeks";
        var length = (phase.MinWeeks, phase.MaxWeeks) switch
        {
            (null, null) => "with no end set",
            ({ } min, null) => $"for at least {Weeks(min)}",
            (null, { } max) => $"for up to {Weeks(max)}",
            ({ } min, { } max) when min == max => $"for {Weeks(min)}",
            ({ } min, { } max) => $"for {min}-{max} weeks",
        };
        return $"{sessions} {noun} {period} {length}";
    }

    public static string Phase(PhasePlan phase, bool current) =>
        $"{PlainWords.Display(phase.Phase)}{(current ? ", the phase to follow now" : string.Empty)}: {Schedule(phase)}. Goal: {Sentence(phase.Goal)}";

    public static string Style(StyleAdvice style)
    {
        var areas = string.Join(", ", style.FocusAreas.Select(a => PlainWords.Display(a).ToLowerInvariant()));
        var focus = areas.Length == 0 ? string.Empty : $", focusing on: {areas}";
        return $"{style.Rank}. {PlainWords.Display(style.Style)} with {PlainWords.Display(style.Pressure).ToLowerInvariant()}{focus}. {Sentence(style.Rationale)}";
    }

    public static string Contraindication(Contraindication contraindication) =>
        $"{PlainWords.Display(contraindication.Level)}: {PlainWords.Display(contraindication.Style)}. {Sentence(contraindication.Reason)}";

    public static string Adjunct(Adjunct adjunct) => $"{PlainWords.Display(adjunct.Therapy)}: {Sentence(adjunct.Reason)}";

    private static string Weeks(int n) => n == 1 ? "1 week" : $"{n} weeks";

    /// <summary>A reason as a sentence: capitalised, ending in a full stop.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        var start = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return start.EndsWith('.') || start.EndsWith('!') || start.EndsWith('?') ? start : start + ".";
    }
}
