using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>The library's log events. They carry ids, counts and durations, never a profile's content.</summary>
internal static partial class AdvisorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rule set {Name} {Version} loaded ({Sha256}): {RuleCount} rules compiled in {Milliseconds:F1} ms")]
    public static partial void RuleSetLoaded(ILogger logger, string name, string version, string sha256, int ruleCount, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Advice produced: {Status}, {FiredCount} rules fired in {Milliseconds:F3} ms")]
    public static partial void AdviceProduced(ILogger logger, AdviceStatus status, int firedCount, double milliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Rule set {Name} {Version} broke {ViolationCount} invariants")]
    public static partial void RuleSetFault(ILogger logger, string name, string version, int violationCount);
}
