using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.AspNetCore;

/// <summary>The endpoints' log events: paths, statuses, reasons, counts and durations; never a profile, a response's answers, a patient id or a token.</summary>
internal static partial class ServiceLog
{
    public const string Category = "SciaticaAdvisor.AspNetCore";

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Refused a call to {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, PathString path, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Refused the request body of {Path} with {Status}")]
    public static partial void BodyRefused(ILogger logger, PathString path, int status);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Advised: {Status} by {RuleSet} {Version}")]
    public static partial void Advised(ILogger logger, SciaticaAdvisor.Advice.AdviceStatus status, string ruleSet, string version);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Input refused with {ErrorCount} errors at {Path}")]
    public static partial void InputRefused(ILogger logger, int errorCount, PathString path);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "CDS call {HookInstance} answered: {Outcome}, indicator {Indicator}")]
    public static partial void CdsAnswered(ILogger logger, string hookInstance, string outcome, string indicator);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "CDS call {HookInstance}: the FHIR server could not give the intake ({Reason})")]
    public static partial void FhirFetchFailed(ILogger logger, string hookInstance, string reason);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "CDS feedback: {Count} entries, {Accepted} accepted, {Overridden} overridden")]
    public static partial void Feedback(ILogger logger, int count, int accepted, int overridden);

    [LoggerMessage(EventId = 220, Level = LogLevel.Warning, Message = "The key set of issuer {Issuer} could not be fetched ({Error}); keeping the keys known")]
    public static partial void JwksFetchFailed(ILogger logger, string issuer, string error);
}
