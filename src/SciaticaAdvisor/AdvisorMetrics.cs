namespace SciaticaAdvisor;

/// <summary>The names under which the library reports metrics through <c>System.Diagnostics.Metrics</c>.</summary>
/// <remarks>
/// Listen with <c>MeterListener</c>, OpenTelemetry's <c>AddMeter(AdvisorMetrics.MeterName)</c> or
/// <c>dotnet-counters</c>. Every measurement is tagged with <see cref="RuleSetTag"/>; none carries a
/// profile's content. Without a listener the instruments cost a flag check per advice.
/// </remarks>
public static class AdvisorMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = MetricNames.Meter;

    /// <summary>A counter of advices produced, tagged with <see cref="StatusTag"/>.</summary>
    public const string Advices = MetricNames.Advices;

    /// <summary>A counter of advices that refer to a doctor, tagged with <see cref="StatusTag"/> and <see cref="UrgencyTag"/>.</summary>
    public const string Referrals = MetricNames.Referrals;

    /// <summary>A histogram of how long one advice took, in milliseconds, tagged with <see cref="StatusTag"/>.</summary>
    public const string AdviceDuration = MetricNames.AdviceDuration;

    /// <summary>A counter of advices refused because the rule set broke an invariant.</summary>
    public const string Faults = MetricNames.Faults;

    /// <summary>The tag naming the rule set (its name, not its version).</summary>
    public const string RuleSetTag = MetricNames.RuleSetTag;

    /// <summary>The tag with the advice status in camelCase, as in the advice JSON.</summary>
    public const string StatusTag = MetricNames.StatusTag;

    /// <summary>The tag with the referral urgency in camelCase, as in the advice JSON.</summary>
    public const string UrgencyTag = MetricNames.UrgencyTag;
}
