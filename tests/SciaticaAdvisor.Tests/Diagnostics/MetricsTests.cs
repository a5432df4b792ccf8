using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Tests.Diagnostics;

public sealed class MetricsTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AdvisorMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Advise_CountsEveryAdviceByStatus()
    {
        var advices = AdviseBatch();

        var counted = Ours(AdvisorMetrics.Advices).GroupBy(m => (string)m.Tags[AdvisorMetrics.StatusTag]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

        counted.Should().BeEquivalentTo(advices.GroupBy(a => Camel(a.Status)).ToDictionary(g => g.Key, g => (double)g.Count()));
    }

    [Fact]
    public void Advise_CountsReferralsByUrgency()
    {
        var advices = AdviseBatch();

        var counted = Ours(AdvisorMetrics.Referrals).GroupBy(m => (string)m.Tags[AdvisorMetrics.UrgencyTag]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

        counted.Should().NotBeEmpty();
        counted.Should().BeEquivalentTo(advices.Where(a => a.Referral is not null).GroupBy(a => Camel(a.Referral!.Urgency)).ToDictionary(g => g.Key, g => (double)g.Count()));
    }

    [Fact]
    public void Advise_RecordsOneDurationPerAdvice()
    {
        var advices = AdviseBatch();

        var durations = Ours(AdvisorMetrics.AdviceDuration);

        durations.Should().HaveCount(advices.Count).And.OnlyContain(m => m.Value >= 0);
    }

    [Fact]
    public void Advise_CachedAdvice_IsCountedLikeAnyOther()
    {
        var text = PrivacyRules.Text.Replace("name: " + PrivacyRules.RuleSetName, "name: " + RuleSetName, StringComparison.Ordinal);
        var advisor = new AdvisorBuilder().AddRules(text, "metrics.yaml").Build();
        var profile = PrivacyRules.Batch()[1];

        advisor.Advise(profile);
        advisor.Advise(profile);

        Ours(AdvisorMetrics.Advices).Sum(m => m.Value).Should().Be(2);
        Ours(AdvisorMetrics.AdviceDuration).Should().HaveCount(2);
    }

    [Fact]
    public void Measurements_CarryOnlyRuleSetStatusAndUrgencyTags()
    {
        AdviseBatch();

        _measurements.SelectMany(m => m.Tags.Keys).Distinct()
            .Should().BeSubsetOf([AdvisorMetrics.RuleSetTag, AdvisorMetrics.StatusTag, AdvisorMetrics.UrgencyTag]);
    }

    private static string Camel<T>(T value)
        where T : Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    // Other tests advise in parallel on the same process-wide meter: count only this rule set.
    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Ours(string instrument) =>
        [.. _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags[AdvisorMetrics.RuleSetTag], RuleSetName))];

    private string RuleSetName { get; } = "metrics-" + Guid.NewGuid().ToString("N");

    private List<MassageAdvice> AdviseBatch()
    {
        var text = PrivacyRules.Text.Replace("name: " + PrivacyRules.RuleSetName, "name: " + RuleSetName, StringComparison.Ordinal);
        var advisor = new AdvisorBuilder().AddRules(text, "metrics.yaml").UseLoggerFactory(NullLoggerFactory.Instance).Build();
        return [.. PrivacyRules.Batch().Select(advisor.Advise)];
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
