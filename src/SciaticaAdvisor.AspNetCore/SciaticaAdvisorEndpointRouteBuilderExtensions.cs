using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore;
using SciaticaAdvisor.AspNetCore.Advising;
using SciaticaAdvisor.AspNetCore.CdsHooks;
using SciaticaAdvisor.AspNetCore.Http;
using SciaticaAdvisor.AspNetCore.Intake;

// In the builder namespace, as MapHealthChecks is, so the Map methods are found without a using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps SciaticaAdvisor's endpoints into an ASP.NET Core app: the advice, CDS Hooks, the intake page and the OpenAPI document.</summary>
/// <remarks>
/// Register the services first with <c>services.AddSciaticaAdvisorEndpoints()</c>, and call
/// <c>app.UseCors()</c> when <see cref="SciaticaServiceOptions.CorsOrigins"/> are configured.
/// Call <c>app.UseStatusCodePages()</c> too, so that routing's own 404 (no such path) and 405 (wrong
/// method) are problem details like every other error, not empty bodies.
/// </remarks>
public static class SciaticaAdvisorEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /advice</c>, <c>POST /advice/fhir</c>, <c>GET /fhir/Questionnaire</c>, <c>GET /fhir/CodeSystem</c> and <c>GET /schemas/profile|advice</c>.</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <returns>A builder to add conventions (authorization policies, rate limits) to every endpoint mapped.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSciaticaAdvisorEndpoints</c> was not called.</exception>
    public static IEndpointConventionBuilder MapSciaticaAdvice(this IEndpointRouteBuilder endpoints)
    {
        var group = Group(endpoints);
        AdviceEndpoints.Map(group);
        return group;
    }

    /// <summary>Maps CDS Hooks 2.0: <c>GET /cds-services</c>, <c>POST /cds-services/sciatica-massage-advice</c> and its <c>/feedback</c>.</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <returns>A builder to add conventions to every endpoint mapped.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSciaticaAdvisorEndpoints</c> was not called.</exception>
    public static IEndpointConventionBuilder MapCdsHooks(this IEndpointRouteBuilder endpoints)
    {
        var group = Group(endpoints);
        CdsEndpoints.Map(group);
        return group;
    }

    /// <summary>Maps the intake page for clinic staff at <c>/</c> (its files under <c>/intake/</c>) and the explanation of the advice at <c>/about</c>.</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <returns>A builder to add conventions to every endpoint mapped.</returns>
    /// <remarks>The page posts to <c>/advice/fhir</c>: map <see cref="MapSciaticaAdvice"/> beside it.</remarks>
    public static IEndpointConventionBuilder MapSciaticaIntakePage(this IEndpointRouteBuilder endpoints)
    {
        var group = Group(endpoints);
        IntakeEndpoints.Map(group);
        return group;
    }

    /// <summary>Maps the OpenAPI 3.1 document of these endpoints, whose body schemas are the library's own JSON Schemas.</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">Where to serve it.</param>
    /// <returns>A builder to add conventions to the endpoint.</returns>
    public static IEndpointConventionBuilder MapSciaticaOpenApi(this IEndpointRouteBuilder endpoints, string pattern = "/openapi/v1.json")
    {
        var group = Group(endpoints);
        group.MapGet(pattern, (HttpContext http, IOptions<SciaticaServiceOptions> options) =>
            Results.Text(OpenApiDocument.Create(PublicUrls.Base(http, options.Value)), "application/json")).WithName("OpenApi");
        return group;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IntakeFetcher>() is null)
        {
            throw new InvalidOperationException("Call services.AddSciaticaAdvisorEndpoints() before mapping SciaticaAdvisor's endpoints.");
        }

        return endpoints.MapGroup("");
    }
}
