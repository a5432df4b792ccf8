using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore.Http;
using SciaticaAdvisor.AspNetCore.Security;
using SciaticaAdvisor.Extensions.DependencyInjection;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.AspNetCore.CdsHooks;

/// <summary>CDS Hooks 2.0: discovery, the <c>sciatica-massage-advice</c> service and its feedback endpoint.</summary>
internal static class CdsEndpoints
{
    public const string CorsPolicy = "SciaticaAdvisor.CdsHooks";
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/cds-services", Discovery)
            .WithName("CdsDiscovery")
            .RequireCors(CorsPolicy);

        group.MapPost("/cds-services/" + SciaticaCdsService.Id, ServiceAsync)
            .WithName("CdsService")
            .RequireCors(CorsPolicy)
            .AddEndpointFilter(new CallerCheck(CallerKinds.Jwt));

        group.MapPost("/cds-services/" + SciaticaCdsService.Id + "/feedback", FeedbackAsync)
            .WithName("CdsFeedback")
            .RequireCors(CorsPolicy)
            .AddEndpointFilter(new CallerCheck(CallerKinds.Jwt));
    }

    private static IResult Discovery() => Results.Json(new JsonObject
    {
        ["services"] = new JsonArray(new JsonObject
        {
            ["hook"] = SciaticaCdsService.Hook,
            ["id"] = SciaticaCdsService.Id,
            ["title"] = "Massage advice for sciatica",
            ["description"] = "Suitable massage styles with pressure and focus areas, what to avoid and why, a session plan, and when to see a doctor first, from the patient's sciatica intake (a FHIR QuestionnaireResponse).",
            ["prefetch"] = new JsonObject { [SciaticaCdsService.PrefetchKey] = SciaticaCdsService.IntakeSearch },
            ["usageRequirements"] = $"Prefetch the patient's completed responses to {IntakeQuestionnaire.Url}, or give fhirServer and fhirAuthorization so the service can search them itself.",
        }),
    });

    private static async Task<IResult> ServiceAsync(HttpContext http, IAdvisorProvider advisors, IOptions<SciaticaServiceOptions> options, IntakeFetcher fetcher, ILoggerFactory logs)
    {
        var (body, problem) = await RequestBody.ReadAsync(http, options.Value);
        if (problem is not null)
        {
            return problem;
        }

        var logger = logs.CreateLogger(ServiceLog.Category);
        var (request, errors) = CdsRequest.Parse(body!);
        if (request is null)
        {
            ServiceLog.InputRefused(logger, errors.Count, http.Request.Path);
            return Problems.InvalidProfile(errors, "The CDS Hooks request is not valid.");
        }

        var advisor = advisors.Current;
        var baseUrl = PublicUrls.Base(http, options.Value);
        var ruleSet = $"rule set {advisor.RuleSet.Name} {advisor.RuleSet.Version}";
        var (card, outcome) = await CardForAsync(request, advisor, baseUrl, ruleSet, http, options.Value, fetcher, logger);
        ServiceInstruments.Cds(outcome);
        var indicator = (string?)card["indicator"] ?? "";
        ServiceLog.CdsAnswered(logger, request.HookInstance, outcome, indicator);
        return Results.Json(new JsonObject { ["cards"] = new JsonArray(card) });
    }

    private static async Task<(JsonObject Card, string Outcome)> CardForAsync(CdsRequest request, Advisor advisor, string baseUrl, string ruleSet, HttpContext http, SciaticaServiceOptions options, IntakeFetcher fetcher, ILogger logger)
    {
        ProfileReadResult read;
        if (request.PrefetchFailed)
        {
            return (CardWriter.Unreadable("the EHR could not fetch the intake for this call (it sent an OperationOutcome as prefetch.intake)", [], ruleSet, baseUrl), "unreadable");
        }

        if (request.Intake is { } prefetched)
        {
            read = QuestionnaireResponseReader.Read(prefetched);
            if (!read.IsValid && HasNoCompletedIntake(prefetched))
            {
                return (CardWriter.NoIntake(ruleSet, baseUrl), "noIntake");
            }
        }
        else if (request.FhirServer is null)
        {
            return (CardWriter.Unreadable("the EHR sent neither the intake prefetch nor a FHIR server to search", [], ruleSet, baseUrl), "unreadable");
        }
        else if (!MayAsk(http, options, request.FhirServer))
        {
            return (CardWriter.Unreadable("the EHR's FHIR server is not one this service is allowed to ask", [], ruleSet, baseUrl), "unreadable");
        }
        else
        {
            var fetched = await fetcher.FetchAsync(request.FhirServer, request.AccessToken, request.PatientId, http.RequestAborted);
            if (fetched.Resource is null)
            {
                ServiceLog.FhirFetchFailed(logger, request.HookInstance, fetched.Problem!);
                return (CardWriter.Unreadable(fetched.Problem!, [], ruleSet, baseUrl), "unreadable");
            }

            if (fetched.Resource is Bundle bundle && QuestionnaireResponseReader.SelectResponse(bundle) is null)
            {
                return (CardWriter.NoIntake(ruleSet, baseUrl), "noIntake");
            }

            read = QuestionnaireResponseReader.Read(fetched.Resource);
        }

        if (!read.IsValid)
        {
            return (CardWriter.Unreadable("the intake has answers this service cannot use", read.Errors, ruleSet, baseUrl), "unreadable");
        }

        try
        {
            var advice = advisor.Advise(read.Profile);
            return (CardWriter.ForAdvice(advice, read.Profile, request.PatientId, baseUrl), "advice");
        }
        catch (RuleSetFaultException)
        {
            return (CardWriter.Unreadable("the rule set could not advise on this intake; the operator must fix the rule set", [], ruleSet, baseUrl), "fault");
        }
    }

    /// <summary>A bundle with no completed response, or a response that is not completed: the patient has no intake to advise on.</summary>
    private static bool HasNoCompletedIntake(byte[] fhirJson)
    {
        try
        {
            var reader = new Utf8JsonReader(fhirJson, new JsonReaderOptions { MaxDepth = 65 });
            if (!Deserializer.TryDeserializeResource(reader, out var resource, out _))
            {
                return false;
            }

            return resource switch
            {
                Bundle bundle => QuestionnaireResponseReader.SelectResponse(bundle) is null,
                QuestionnaireResponse response => response.Status is not (QuestionnaireResponse.QuestionnaireResponseStatus.Completed or QuestionnaireResponse.QuestionnaireResponseStatus.Amended),
                _ => false,
            };
        }
#pragma warning disable CA1031 // Only a hint for which card to show; the reader's errors stand otherwise.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>With issuers configured, an EHR may only send the FHIR servers its issuer lists (when it lists any).</summary>
    private static bool MayAsk(HttpContext http, SciaticaServiceOptions options, Uri server)
    {
        if (http.Items[JwtVerifier.IssuerItem] is not TrustedIssuer issuer || issuer.FhirServers.Count == 0)
        {
            return true;
        }

        return issuer.FhirServers.Any(allowed => IsAtOrUnder(server, allowed));
    }

    /// <summary>Whether a URL is the allowed base URL or below it: the same scheme, host and port, and a path that is the allowed path or goes on from it after a '/'.</summary>
    /// <remarks>Not a text prefix: <c>https://fhir.clinic.example</c> must not let in <c>https://fhir.clinic.example.elsewhere.test</c>, nor <c>/r4</c> let in <c>/r4-other</c>.</remarks>
    internal static bool IsAtOrUnder(Uri server, Uri allowed)
    {
        if (Uri.Compare(server, allowed, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var root = allowed.AbsolutePath.TrimEnd('/');
        var path = server.AbsolutePath;
        return path.TrimEnd('/') == root || path.StartsWith(root + "/", StringComparison.Ordinal);
    }

    private static async Task<IResult> FeedbackAsync(HttpContext http, IOptions<SciaticaServiceOptions> options, ILoggerFactory logs)
    {
        var (body, problem) = await RequestBody.ReadAsync(http, options.Value);
        if (problem is not null)
        {
            return problem;
        }

        var (accepted, overridden, errors) = Feedback.Count(body!);
        if (errors.Count > 0)
        {
            return Problems.InvalidProfile(errors, "The CDS Hooks feedback is not valid.");
        }

        ServiceInstruments.Feedback("accepted", accepted);
        ServiceInstruments.Feedback("overridden", overridden);
        var logger = logs.CreateLogger(ServiceLog.Category);
        ServiceLog.Feedback(logger, accepted + overridden, accepted, overridden);
        return Results.Ok();
    }
}
