using System.Diagnostics;
using System.Diagnostics.Metrics;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Engine;

/// <summary>Records advices, referrals, durations and faults on the library's meter.</summary>
/// <remarks>
/// One meter for the process, as instruments are meant to be shared; it holds no state of ours.
/// Each compiled rule set makes one of these so its tags are built once, not per advice.
/// </remarks>
internal sealed class AdviceInstruments
{
    private static readonly Meter Meter = new(MetricNames.Meter, typeof(AdviceInstruments).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> AdviceCounter = Meter.CreateCounter<long>(MetricNames.Advices, "{advice}", "Advices produced");
    private static readonly Counter<long> ReferralCounter = Meter.CreateCounter<long>(MetricNames.Referrals, "{referral}", "Advices that refer to a doctor");
    private static readonly Histogram<double> DurationHistogram = Meter.CreateHistogram<double>(MetricNames.AdviceDuration, "ms", "Time to produce one advice");
    private static readonly Counter<long> FaultCounter = Meter.CreateCounter<long>(MetricNames.Faults, "{fault}", "Advices refused because the rule set broke an invariant");

    private readonly KeyValuePair<string, object?> _ruleSet;
    private readonly KeyValuePair<string, object?>[] _status;
    private readonly KeyValuePair<string, object?>[] _urgency;

    public AdviceInstruments(string ruleSetName)
    {
        _ruleSet = new(MetricNames.RuleSetTag, ruleSetName);
        _status = [.. EnumNames<AdviceStatus>.Values.Select(s => new KeyValuePair<string, object?>(MetricNames.StatusTag, EnumNames<AdviceStatus>.NameOf(s)))];
        _urgency = [.. EnumNames<ReferralUrgency>.Values.Select(u => new KeyValuePair<string, object?>(MetricNames.UrgencyTag, EnumNames<ReferralUrgency>.NameOf(u)))];
    }

    /// <summary>Whether anyone listens to the durations: only then is an advice timed.</summary>
    public static bool Timed => DurationHistogram.Enabled;

    public void Advised(MassageAdvice advice, long startTimestamp) =>
        Advised(advice, DurationHistogram.Enabled && startTimestamp != 0 ? Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds : -1);

    /// <summary>Records one advice that took <paramref name="milliseconds"/>; a negative time is not recorded (nobody listened when it began).</summary>
    public void Advised(MassageAdvice advice, double milliseconds)
    {
        var status = _status[(int)advice.Status];
        if (AdviceCounter.Enabled)
        {
            AdviceCounter.Add(1, _ruleSet, status);
        }

        if (advice.Referral is { } referral && ReferralCounter.Enabled)
        {
            ReferralCounter.Add(1, _ruleSet, status, _urgency[(int)referral.Urgency]);
        }

        // A start of 0: nobody listened when the advice began (see Timed), so there is no duration.
        if (DurationHistogram.Enabled && milliseconds >= 0)
        {
            DurationHistogram.Record(milliseconds, _ruleSet, status);
        }
    }

    public void Faulted()
    {
        if (FaultCounter.Enabled)
        {
            FaultCounter.Add(1, _ruleSet);
        }
    }
}
