using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Extensions.DependencyInjection;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace ClinicIntakeApi.Advice;

/// <summary><c>POST /advice</c> and the JSON Schemas of its input and output.</summary>
internal static class AdviceEndpoints
{
    public static void MapAdviceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/advice", AdviseAsync)
            .WithName("Advise")
            .WithSummary("Advises on one symptom profile.")
            .WithDescription("Takes a symptom profile as JSON (see GET /schemas/profile) and answers the advice (see GET /schemas/advice). An invalid profile answers 400 with problem details listing every error's JSON path.")
            .Accepts<SymptomProfile>("application/json")
            .Produces<MassageAdvice>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGet("/schemas/profile", () => Results.Text(JsonSchemas.Profile, "application/schema+json"))
            .WithName("ProfileSchema")
            .WithSummary("The JSON Schema of a symptom profile.");

        app.MapGet("/schemas/advice", () => Results.Text(JsonSchemas.Advice, "application/schema+json"))
            .WithName("AdviceSchema")
            .WithSummary("The JSON Schema of an advice.");
    }

    // The body is read as bytes, not bound by ASP.NET: the library's reader applies the contract's
    // strict rules (unknown properties, duplicates, 3.0 for an integer) and names every error's path.
    private static async Task<IResult> AdviseAsync(HttpRequest request, IAdvisorProvider advisors, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return ProfileProblems.TooLarge();
        }

        var read = ProfileReader.TryRead(body);
        if (!read.IsValid)
        {
            return ProfileProblems.Invalid(read.Errors);
        }

        var advice = advisors.Current.Advise(read.Profile);
        return Results.Text(AdvisorJson.Serialize(advice), "application/json");
    }
}
