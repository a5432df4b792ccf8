using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>The provider's log events: rule-set names, versions, paths and counts, never a profile.</summary>
internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Rule set reloaded: {Name} {Version} ({Sha256}) replaces {OldName} {OldVersion}")]
    public static partial void Reloaded(ILogger logger, string name, string version, string sha256, string oldName, string oldVersion);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Rule set reload failed with {ErrorCount} errors; keeping {Name} {Version}")]
    public static partial void ReloadFailed(ILogger logger, int errorCount, string name, string version);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Rule set error: {Error}")]
    public static partial void RuleSetError(ILogger logger, string error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Rule set reload faulted; keeping {Name} {Version}")]
    public static partial void ReloadFaulted(ILogger logger, Exception exception, string name, string version);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Watching {Count} rule files for changes")]
    public static partial void Watching(ILogger logger, int count);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Rule set reload adds rules {Added} and removes rules {Removed}")]
    public static partial void RulesChanged(ILogger logger, string added, string removed);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "Rule set reload refused: {Name} {Version} faults on the built-in scenario '{Scenario}': {Fault}; keeping {OldName} {OldVersion}")]
    public static partial void ReloadRefused(ILogger logger, string name, string version, string scenario, string fault, string oldName, string oldVersion);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "Rule files changed; reloading once they read the same after {SettleMs} ms")]
    public static partial void Settling(ILogger logger, double settleMs);
}
