using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore.Http;

namespace SciaticaAdvisor.AspNetCore.Security;

/// <summary>An endpoint filter that lets a request through only with valid credentials, or anonymously where that is allowed.</summary>
/// <remarks>
/// Anonymous calls are accepted while no issuer or key is configured, and then only when the request
/// reached the service on a loopback address (or in-process), unless <see cref="SciaticaServiceOptions.AllowAnonymous"/>.
/// </remarks>
internal sealed class CallerCheck(CallerKinds kinds) : IEndpointFilter
{
    public const string ApiKeyHeader = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<SciaticaServiceOptions>>().Value;
        var refusal = await CheckAsync(http, options);
        if (refusal is not null)
        {
            ServiceLog.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(ServiceLog.Category), http.Request.Path, refusal.Value.Reason);
            ServiceInstruments.Refused(refusal.Value.Status);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return refusal.Value.Status == StatusCodes.Status403Forbidden ? Problems.Forbidden(refusal.Value.Reason) : Problems.Unauthorized(refusal.Value.Reason);
        }

        return await next(context);
    }

    private async Task<(int Status, string Reason)?> CheckAsync(HttpContext http, SciaticaServiceOptions options)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var apiKey = http.Request.Headers[ApiKeyHeader].ToString();
        if (!options.HasCredentials)
        {
            return options.AllowAnonymous || IsLoopback(http.Connection.LocalIpAddress)
                ? null
                : (StatusCodes.Status403Forbidden, "anonymous calls are accepted only on a loopback address; configure an issuer or an API key");
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && kinds.HasFlag(CallerKinds.Jwt))
        {
            var verifier = http.RequestServices.GetRequiredService<JwtVerifier>();
            var (failure, issuer) = await verifier.VerifyAsync(authorization["Bearer ".Length..].Trim(), Audience(http, options), http.RequestAborted);
            http.Items[JwtVerifier.IssuerItem] = issuer;
            return failure is null ? null : (StatusCodes.Status401Unauthorized, failure);
        }

        if (apiKey.Length > 0 && kinds.HasFlag(CallerKinds.ApiKey))
        {
            return options.ApiKeys.Any(k => KeysEqual(k, apiKey)) ? null : (StatusCodes.Status401Unauthorized, "the API key is not valid");
        }

        return (StatusCodes.Status401Unauthorized, kinds.HasFlag(CallerKinds.ApiKey)
            ? "send the EHR's JWT as 'Authorization: Bearer' or an API key as 'X-Api-Key'"
            : "send the EHR's signed JWT as 'Authorization: Bearer'");
    }

    /// <summary>The URL the caller called, as CDS Hooks asks the JWT's <c>aud</c> to be: the public base URL with the endpoint's path.</summary>
    public static string Audience(HttpContext http, SciaticaServiceOptions options) =>
        PublicUrls.Base(http, options) + http.Request.Path.ToUriComponent();

    // In-process hosts (a TestServer) have no socket and so no address.
    private static bool IsLoopback(IPAddress? local) => local is null || IPAddress.IsLoopback(local);

    private static bool KeysEqual(string configured, string given) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
