namespace SciaticaAdvisor.Contract;

/// <summary>
/// The names of the library's meter, instruments and tags: the kernel's copy, so the engine that
/// records them need not reach up to the front door. <see cref="AdvisorMetrics"/> publishes them.
/// </summary>
internal static class MetricNames
{
    public const string Meter = "SciaticaAdvisor";

    public const string Advices = "sciatica_advisor.advices";

    public const string Referrals = "sciatica_advisor.referrals";

    public const string AdviceDuration = "sciatica_advisor.advice.duration";

    public const string Faults = "sciatica_advisor.faults";

    public const string RuleSetTag = "rule_set";

    public const string StatusTag = "status";

    public const string UrgencyTag = "urgency";
}
