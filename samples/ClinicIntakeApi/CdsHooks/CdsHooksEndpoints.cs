using System.Text.Json;
using ClinicIntakeApi.Advice;
using SciaticaAdvisor.Extensions.DependencyInjection;
using SciaticaAdvisor.Profiles;

namespace ClinicIntakeApi.CdsHooks;

/// <summary>A CDS Hooks 2.0 service: discovery and the <c>sciatica-massage-advice</c> service.</summary>
/// <remarks>
/// The profile travels as the CDS client's <c>prefetch.sciaticaProfile</c> (the EHR's intake form
/// as a symptom profile) or, for clients that cannot prefetch, as <c>context.sciaticaProfile</c>.
/// </remarks>
internal static class CdsHooksEndpoints
{
    public const string ServiceId = "sciatica-massage-advice";
    public const string ProfileKey = "sciaticaProfile";
    public const string CorsPolicy = "cds-hooks";

    public static void MapCdsHooks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cds-services", () => new CdsDiscovery([
            new CdsService(
                Hook: "patient-view",
                Id: ServiceId,
                Title: "Massage advice for sciatica",
                Description: "Suitable massage styles, contraindications, a session plan and referrals for a patient with sciatica, from the patient's symptom profile.",
                Prefetch: new Dictionary<string, string> { [ProfileKey] = "QuestionnaireResponse?subject={{context.patientId}}&questionnaire=sciatica-intake" },
                UsageRequirements: $"Send the symptom profile (GET /schemas/profile) as prefetch.{ProfileKey} or context.{ProfileKey}."),
        ])).WithName("CdsDiscovery").WithSummary("CDS Hooks discovery.").RequireCors(CorsPolicy);

        app.MapPost($"/cds-services/{ServiceId}", AdviseAsync)
            .WithName("CdsSciaticaMassageAdvice")
            .WithSummary("CDS Hooks service: one card with the massage advice.")
            .Produces<CdsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireCors(CorsPolicy);
    }

    private static async Task<IResult> AdviseAsync(HttpRequest request, IAdvisorProvider advisors, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return ProfileProblems.TooLarge();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return BadRequest($"The request is not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
            {
                return BadRequest("A CDS Hooks request needs a context object.");
            }

            var (profileJson, path) = root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object && prefetch.TryGetProperty(ProfileKey, out var fromPrefetch)
                ? (fromPrefetch, $"$.prefetch.{ProfileKey}")
                : context.TryGetProperty(ProfileKey, out var fromContext) ? (fromContext, $"$.context.{ProfileKey}") : (default, "");
            if (path.Length == 0)
            {
                return BadRequest($"No symptom profile: send it as prefetch.{ProfileKey} or context.{ProfileKey}.");
            }

            var read = ProfileReader.TryRead(profileJson.GetRawText());
            if (!read.IsValid)
            {
                return ProfileProblems.Invalid(read.Errors, path);
            }

            var advice = advisors.Current.Advise(read.Profile);
            return Results.Ok(new CdsResponse([AdviceCard.From(advice)]));
        }
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(title: "The CDS Hooks request is not valid.", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
