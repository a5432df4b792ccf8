using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace SciaticaAdvisor.Fhir.Tests.Support;

/// <summary>Firely's validator against the base FHIR R4 specification, loaded once per test run (the spec zip is slow to open).</summary>
internal static class R4Validator
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        var terminology = new LocalTerminologyService(resolver.AsAsync());
        return new Validator(resolver.AsAsync(), terminology);
    });

    /// <summary>The error and fatal issues of validating the resource, each as "severity location: text".</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Instance)
        {
            outcome = Instance.Value.Validate(resource);
        }

        return
        [
            .. outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{i.Severity} {string.Join(",", i.Location ?? [])}{string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}"),
        ];
    }

    /// <summary>Every issue, warnings included, to show why a resource passed or failed.</summary>
    public static IReadOnlyList<string> Issues(Resource resource)
    {
        lock (Instance)
        {
            return [.. Instance.Value.Validate(resource).Issue.Select(i => $"{i.Severity} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")];
        }
    }
}
