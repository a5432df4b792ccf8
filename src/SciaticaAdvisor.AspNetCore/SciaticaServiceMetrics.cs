namespace SciaticaAdvisor.AspNetCore;

/// <summary>The names under which the endpoints report metrics through <c>System.Diagnostics.Metrics</c>.</summary>
/// <remarks>No measurement carries a profile's content, a patient id or a token.</remarks>
public static class SciaticaServiceMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SciaticaAdvisor.AspNetCore";

    /// <summary>A counter of CDS Hooks service calls answered with cards, tagged with <see cref="OutcomeTag"/> (<c>advice</c>, <c>noIntake</c>, <c>unreadable</c>).</summary>
    public const string CdsCalls = "sciatica_advisor.cds.calls";

    /// <summary>A counter of CDS Hooks feedback entries, tagged with <see cref="OutcomeTag"/> (<c>accepted</c>, <c>overridden</c>).</summary>
    public const string CdsFeedback = "sciatica_advisor.cds.feedback";

    /// <summary>A counter of requests refused, tagged with <see cref="StatusTag"/>.</summary>
    public const string Refused = "sciatica_advisor.http.refused";

    /// <summary>The tag with an outcome.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The tag with an HTTP status code.</summary>
    public const string StatusTag = "status";
}
