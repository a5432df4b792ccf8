using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>The service with a trusted EHR and an API key configured: CDS Hooks 2.0 JWTs are verified, anonymous calls refused.</summary>
public sealed class AuthenticationTests : IDisposable
{
    private const string Base = "https://cds.clinic.test";
    private const string Service = "/cds-services/sciatica-massage-advice";
    private const string ApiKey = "clinic-intake-key-0123456789";
    private readonly Tokens _ehr = new();
    private readonly Tokens _stranger = new("ehr-key-1");
    private readonly ServiceFactory _factory;
    private readonly HttpClient _client;

    public AuthenticationTests()
    {
        _factory = new ServiceFactory(new()
        {
            ["SciaticaAdvisor:Service:PublicBaseUrl"] = Base,
            ["SciaticaAdvisor:Service:TrustedIssuers:0:Issuer"] = Tokens.Issuer,
            ["SciaticaAdvisor:Service:TrustedIssuers:0:Jwks"] = _ehr.Jwks,
            ["SciaticaAdvisor:Service:ApiKeys:0"] = ApiKey,
            ["SciaticaAdvisor:Service:CorsOrigins:0"] = "https://ehr.clinic.test",
        });
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _ehr.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public async Task CdsCall_WithTheEhrsSignedJwt_IsAnswered()
    {
        var response = await Call(_ehr.Create(Base + Service));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CdsCall_WithoutAToken_Is401WithABearerChallenge()
    {
        var response = await Call(null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task CdsCall_WithAnExpiredJwt_Is401()
    {
        var response = await Call(_ehr.Create(Base + Service, expiresIn: TimeSpan.FromMinutes(-5), issuedAt: DateTime.UtcNow.AddMinutes(-10)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("expired");
    }

    [Fact]
    public async Task CdsCall_WithAJwtSignedByAnotherKey_Is401()
    {
        var response = await Call(_stranger.Create(Base + Service));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("signature");
    }

    [Fact]
    public async Task CdsCall_WithATamperedJwt_Is401()
    {
        var token = _ehr.Create(Base + Service);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1])).Replace("ehr-client", "ehr-admin", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await Call(tampered);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CdsCall_WithAJwtForAnotherAudience_Is401()
    {
        var response = await Call(_ehr.Create("https://other-service.test" + Service));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("aud");
    }

    [Fact]
    public async Task CdsCall_WithAnUntrustedIssuer_Is401()
    {
        var response = await Call(_ehr.Create(Base + Service, issuer: "https://evil.test"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CdsCall_WithAJwtThatLivesTooLong_Is401()
    {
        var response = await Call(_ehr.Create(Base + Service, expiresIn: TimeSpan.FromHours(2)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CdsCall_ReplayingAJwt_IsRefusedTheSecondTime()
    {
        var token = _ehr.Create(Base + Service, jti: "once-" + Guid.NewGuid());

        var first = await Call(token);
        var second = await Call(token);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await second.Content.ReadAsStringAsync()).Should().Contain("jti");
    }

    [Fact]
    public async Task CdsCall_WithTheApiKey_IsRefused_KeysAreForTheAdviceEndpointsOnly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = Json(Intakes.CdsRequest(Intakes.Response())) };
        request.Headers.Add("X-Api-Key", ApiKey);

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(ApiKey, HttpStatusCode.OK)]
    [InlineData("clinic-intake-key-wrong-000000", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task PostAdviceFhir_TakesTheApiKey(string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/advice/fhir") { Content = new StringContent(Intakes.Response().ToJsonString(), Encoding.UTF8, "application/fhir+json") };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task PostAdvice_TakesTheEhrsJwtToo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/advice/fhir") { Content = new StringContent(Intakes.Response().ToJsonString(), Encoding.UTF8, "application/fhir+json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _ehr.Create(Base + "/advice/fhir"));

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Jwks_CanBeFetchedFromTheIssuersKeySetUrl()
    {
        var calls = 0;
        await using var keys = await LoopbackHost.StartAsync(app => app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Text(_ehr.Jwks, "application/json");
        }));
        using var factory = new ServiceFactory(new()
        {
            ["SciaticaAdvisor:Service:PublicBaseUrl"] = Base,
            ["SciaticaAdvisor:Service:TrustedIssuers:0:Issuer"] = Tokens.Issuer,
            ["SciaticaAdvisor:Service:TrustedIssuers:0:JwksUrl"] = keys.Url + "/jwks",
        });
        var client = factory.CreateClient();

        var first = await Call(_ehr.Create(Base + Service), client);
        var second = await Call(_ehr.Create(Base + Service), client);
        var forged = await Call(_stranger.Create(Base + Service), client);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        calls.Should().BeLessThanOrEqualTo(2, "the key set is cached, and refetched at most once for an unknown key");
    }

    [Theory]
    [InlineData(Service)]
    [InlineData(Service + "/feedback")]
    [InlineData("/advice")]
    [InlineData("/advice/fhir")]
    public async Task Cors_PreflightFromTheConfiguredOriginOnly_IsAllowed_NeverAnyOrigin(string path)
    {
        var allowed = await Preflight(path, "https://ehr.clinic.test");
        var other = await Preflight(path, "https://elsewhere.test");

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://ehr.clinic.test");
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().ContainEquivalentOf("authorization");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task Cors_ACallFromAnUnlistedOrigin_GetsNoAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = Json(Intakes.CdsRequest(Intakes.Response())) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _ehr.Create(Base + Service));
        request.Headers.Add("Origin", "https://elsewhere.test");

        var response = await _client.SendAsync(request);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("the browser then withholds the answer from the page at that origin");
    }

    [Fact]
    public void Start_WithAnIssuerWithoutKeys_FailsWithTheProblemNamed()
    {
        using var factory = new ServiceFactory(new() { ["SciaticaAdvisor:Service:TrustedIssuers:0:Issuer"] = Tokens.Issuer });

        var start = () => factory.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("JwksUrl");
    }

    private async Task<HttpResponseMessage> Preflight(string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> Call(string? token, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = Json(Intakes.CdsRequest(Intakes.Response())) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await (client ?? _client).SendAsync(request);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
