using Hl7.Fhir.Model;
using Status = Hl7.Fhir.Model.QuestionnaireResponse.QuestionnaireResponseStatus;

namespace SciaticaAdvisor.Fhir.Reading;

/// <summary>Which responses count: those to the intake, completed or amended; of a bundle, the most recent of them.</summary>
internal static class ResponseSelection
{
    /// <summary>Whether the response answers the intake: its <c>questionnaire</c> canonical is the intake's, any <c>|version</c> ignored.</summary>
    public static bool IsIntake(QuestionnaireResponse response) => CanonicalOf(response.Questionnaire) == IntakeQuestionnaire.Url;

    /// <summary>Whether the response is final: <c>completed</c> or <c>amended</c>.</summary>
    public static bool IsFinal(QuestionnaireResponse response) => response.Status is Status.Completed or Status.Amended;

    /// <summary>The canonical without its <c>|version</c>.</summary>
    public static string? CanonicalOf(string? canonical)
    {
        if (canonical is null)
        {
            return null;
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? canonical : canonical[..bar];
    }

    /// <summary>The usable response a search bundle holds that was authored last, with its entry's index; ties go to the one last updated, then to the first.</summary>
    public static (QuestionnaireResponse Response, int Index)? MostRecent(Bundle bundle)
    {
        (QuestionnaireResponse Response, int Index)? best = null;
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is QuestionnaireResponse response && IsIntake(response) && IsFinal(response)
                && (best is null || Later(response, best.Value.Response)))
            {
                best = (response, i);
            }
        }

        return best;
    }

    /// <summary>Why a bundle has no usable response, in counts, without a word of any response's content.</summary>
    public static string WhyNone(Bundle bundle)
    {
        var responses = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToList();
        if (responses.Count == 0)
        {
            return bundle.Entry.Count == 0
                ? "no usable response: the bundle has no entries"
                : $"no usable response: none of the bundle's {bundle.Entry.Count} entries is a QuestionnaireResponse";
        }

        var other = responses.Count(r => !IsIntake(r));
        var unfinished = responses.Where(IsIntake).Where(r => !IsFinal(r)).Select(r => StatusName(r.Status)).ToList();
        var parts = new List<string>();
        if (other > 0)
        {
            parts.Add($"{other} answer another questionnaire");
        }

        if (unfinished.Count > 0)
        {
            parts.Add($"{unfinished.Count} not completed or amended ({string.Join(", ", unfinished.Distinct())})");
        }

        return $"no usable response: of {responses.Count} QuestionnaireResponse entries, {string.Join(" and ", parts)}; expected a completed or amended response to {IntakeQuestionnaire.Url}";
    }

    public static string StatusName(Status? status) => status switch
    {
        null => "no status",
        Status.InProgress => "in-progress",
        Status.EnteredInError => "entered-in-error",
        _ => status.Value.ToString().ToLowerInvariant(),
    };

    private static bool Later(QuestionnaireResponse candidate, QuestionnaireResponse best)
    {
        var order = Compare(Authored(candidate), Authored(best));
        return order != 0 ? order > 0 : Compare(candidate.Meta?.LastUpdated, best.Meta?.LastUpdated) > 0;
    }

    private static DateTimeOffset? Authored(QuestionnaireResponse response) =>
        response.AuthoredElement is { } authored && authored.TryToDateTimeOffset(TimeSpan.Zero, out var when) ? when : null;

    private static int Compare(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => a.Value.CompareTo(b.Value),
    };
}
