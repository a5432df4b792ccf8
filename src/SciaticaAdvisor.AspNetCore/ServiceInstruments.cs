using System.Diagnostics.Metrics;

namespace SciaticaAdvisor.AspNetCore;

/// <summary>The endpoints' counters (<see cref="SciaticaServiceMetrics"/>).</summary>
internal static class ServiceInstruments
{
    private static readonly Meter Meter = new(SciaticaServiceMetrics.MeterName);
    private static readonly Counter<long> CdsCalls = Meter.CreateCounter<long>(SciaticaServiceMetrics.CdsCalls, description: "CDS Hooks calls answered with cards");
    private static readonly Counter<long> CdsFeedback = Meter.CreateCounter<long>(SciaticaServiceMetrics.CdsFeedback, description: "CDS Hooks feedback entries");
    private static readonly Counter<long> RefusedCounter = Meter.CreateCounter<long>(SciaticaServiceMetrics.Refused, description: "Requests refused");

    public static void Cds(string outcome) => CdsCalls.Add(1, new KeyValuePair<string, object?>(SciaticaServiceMetrics.OutcomeTag, outcome));

    public static void Feedback(string outcome, int count) => CdsFeedback.Add(count, new KeyValuePair<string, object?>(SciaticaServiceMetrics.OutcomeTag, outcome));

    public static void Refused(int status) => RefusedCounter.Add(1, new KeyValuePair<string, object?>(SciaticaServiceMetrics.StatusTag, status));
}
