using Microsoft.AspNetCore.Http;

namespace SciaticaAdvisor.AspNetCore.Http;

/// <summary>The service's public address, from the options or else from the request.</summary>
internal static class PublicUrls
{
    /// <summary>The base URL without a trailing slash: <c>https://cds.clinic.example</c>.</summary>
    public static string Base(HttpContext http, SciaticaServiceOptions options) =>
        options.PublicBaseUrl is { } configured
            ? configured.AbsoluteUri.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}{http.Request.PathBase.ToUriComponent()}";
}
