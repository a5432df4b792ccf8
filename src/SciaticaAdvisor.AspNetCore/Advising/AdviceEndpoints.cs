using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore.CdsHooks;
using SciaticaAdvisor.AspNetCore.Http;
using SciaticaAdvisor.AspNetCore.Security;
using SciaticaAdvisor.Extensions.DependencyInjection;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.AspNetCore.Advising;

/// <summary><c>POST /advice</c>, <c>POST /advice/fhir</c>, the intake Questionnaire and the JSON Schemas.</summary>
internal static class AdviceEndpoints
{
    public const string FhirJson = "application/fhir+json";
    private static readonly BaseFhirJsonSerializer Fhir = new(ModelInfo.ModelInspector);

    public static void Map(RouteGroupBuilder group)
    {
        // Every endpoint takes the one CORS policy (the configured origins only): an intake tool in a
        // browser at another origin calls /advice as an EHR's app calls the CDS service.
        // The bodies are read as bytes, not bound by ASP.NET: the library's readers apply the
        // contract's strict rules and name every error's path. The OpenAPI document gets the JSON
        // Schemas the library publishes (OpenApiDocuments), so it describes exactly what is accepted.
        group.MapPost("/advice", AdviseAsync)
            .WithName("Advise")
            .RequireCors(CdsEndpoints.CorsPolicy)
            .WithSummary("Advises on one symptom profile.")
            .WithDescription("Takes a symptom profile (GET /schemas/profile) and answers its advice (GET /schemas/advice), byte-identical to 'sciatica-advisor advise'.")
            .AddEndpointFilter(new CallerCheck(CallerKinds.Jwt | CallerKinds.ApiKey));

        group.MapPost("/advice/fhir", AdviseFhirAsync)
            .WithName("AdviseFhir")
            .RequireCors(CdsEndpoints.CorsPolicy)
            .WithSummary("Advises on a FHIR QuestionnaireResponse to the intake, or a search Bundle of them.")
            .WithDescription("Takes a FHIR R4 QuestionnaireResponse to the intake Questionnaire (GET /fhir/Questionnaire), or a Bundle of them as a search returns it (the most recent completed one is read), and answers the advice.")
            .AddEndpointFilter(new CallerCheck(CallerKinds.Jwt | CallerKinds.ApiKey));

        group.MapGet("/fhir/Questionnaire", () => Results.Text(Fhir.SerializeToString(IntakeQuestionnaire.Create()), FhirJson))
            .WithName("IntakeQuestionnaire")
            .RequireCors(CdsEndpoints.CorsPolicy)
            .WithSummary("The intake Questionnaire (FHIR R4) whose responses POST /advice/fhir reads.");

        group.MapGet("/fhir/CodeSystem", () => Results.Text(Fhir.SerializeToString(IntakeQuestionnaire.CreateCodeSystem()), FhirJson))
            .WithName("IntakeCodeSystem")
            .RequireCors(CdsEndpoints.CorsPolicy)
            .WithSummary("The CodeSystem of the intake's answer codes.");

        group.MapGet("/schemas/profile", () => Results.Text(JsonSchemas.Profile, "application/schema+json"))
            .WithName("ProfileSchema")
            .RequireCors(CdsEndpoints.CorsPolicy)
            .WithSummary("The JSON Schema of a symptom profile.");

        group.MapGet("/schemas/advice", () => Results.Text(JsonSchemas.Advice, "application/schema+json"))
            .WithName("AdviceSchema")
            .RequireCors(CdsEndpoints.CorsPolicy)
            .WithSummary("The JSON Schema of an advice.");
    }

    private static async Task<IResult> AdviseAsync(HttpContext http, IAdvisorProvider advisors, IOptions<SciaticaServiceOptions> options, ILoggerFactory logs)
    {
        var (body, problem) = await RequestBody.ReadAsync(http, options.Value);
        return problem ?? Answer(http, advisors, ProfileReader.TryRead(body), logs);
    }

    private static async Task<IResult> AdviseFhirAsync(HttpContext http, IAdvisorProvider advisors, IOptions<SciaticaServiceOptions> options, ILoggerFactory logs)
    {
        var (body, problem) = await RequestBody.ReadAsync(http, options.Value);
        return problem ?? Answer(http, advisors, QuestionnaireResponseReader.Read(body), logs, "The QuestionnaireResponse cannot be read as a symptom profile.");
    }

    private static IResult Answer(HttpContext http, IAdvisorProvider advisors, ProfileReadResult read, ILoggerFactory logs, string title = "The symptom profile is not valid.")
    {
        var logger = logs.CreateLogger(ServiceLog.Category);
        if (!read.IsValid)
        {
            ServiceLog.InputRefused(logger, read.Errors.Length, http.Request.Path);
            return Problems.InvalidProfile(read.Errors, title);
        }

        var advisor = advisors.Current;
        try
        {
            var advice = advisor.Advise(read.Profile);
            ServiceLog.Advised(logger, advice.Status, advice.RuleSet.Name, advice.RuleSet.Version);
            return Results.Text(AdvisorJson.Serialize(advice) + "\n", "application/json");
        }
        catch (RuleSetFaultException)
        {
            return Results.Problem(title: "The rule set could not advise on this profile.", detail: "The rule set broke a guidance invariant; the advice was withheld. The operator must fix the rule set.", statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
