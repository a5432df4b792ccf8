using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;

namespace SciaticaAdvisor.AspNetCore.CdsHooks;

/// <summary>Runs the intake prefetch's search against the EHR's FHIR server, with its bearer token and a timeout.</summary>
/// <remarks>Never throws for what the server does: an unreachable server, a refusal, a timeout or an unreadable answer is a <see cref="Fetched.Failure"/> with a short reason.</remarks>
internal sealed class IntakeFetcher(IHttpClientFactory clients, IOptions<SciaticaServiceOptions> options)
{
    public const string HttpClientName = "SciaticaAdvisor.FhirServer";
    public const int MaxResponseBytes = 1024 * 1024;

    public async Task<Fetched> FetchAsync(Uri server, string? accessToken, string patientId, CancellationToken cancellationToken)
    {
        var query = SciaticaCdsService.IntakeSearch.Replace("{{context.patientId}}", patientId, StringComparison.Ordinal);
        var timeout = options.Value.FhirServerTimeout;
        using var http = clients.CreateClient(HttpClientName);
        http.MaxResponseContentBufferSize = MaxResponseBytes;
        http.Timeout = timeout + TimeSpan.FromSeconds(1);
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var settings = new FhirClientSettings
        {
            Timeout = (int)timeout.TotalMilliseconds,
            PreferredFormat = ResourceFormat.Json,
            VerifyFhirVersion = false,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var baseUrl = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        using var client = new FhirClient(baseUrl, http, settings);
        try
        {
            var resource = await client.GetAsync(query, deadline.Token);
            return resource is Resource found ? new Fetched(found, null) : Fetched.Failure("the FHIR server answered no resource");
        }
        catch (FhirOperationException ex) when (ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return Fetched.Failure($"the FHIR server refused the access token ({(int)ex.Status})");
        }
        catch (FhirOperationException ex)
        {
            return Fetched.Failure($"the FHIR server answered {(int)ex.Status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fetched.Failure("the FHIR server did not answer in time");
        }
        catch (HttpRequestException)
        {
            return Fetched.Failure("the FHIR server could not be reached");
        }
#pragma warning disable CA1031 // Whatever the EHR's server sends, the clinician gets a card, never a 500.
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Fetched.Failure($"the FHIR server's answer could not be read ({ex.GetType().Name})");
        }
    }

    /// <summary>The search result, or why there is none.</summary>
    public sealed record Fetched(Resource? Resource, string? Problem)
    {
        public static Fetched Failure(string problem) => new(null, problem);
    }
}
