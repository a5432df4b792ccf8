using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace SciaticaAdvisor.AspNetCore.Intake;

/// <summary>The intake page's files, embedded in the assembly at build time (the page and LHC-Forms): nothing is fetched at run time.</summary>
internal static class IntakeFiles
{
    private const string Prefix = "intake/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".md"] = "text/markdown; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Names = typeof(IntakeFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The file at a path below the page (<c>app.js</c>, <c>lforms/main.js</c>), or a 404.</summary>
    public static IResult Serve(HttpContext http, string path)
    {
        var name = Prefix + path;
        if (!Names.Contains(name) || !ContentTypes.TryGetValue(Path.GetExtension(path), out var type))
        {
            return Results.NotFound();
        }

        Headers(http);
        http.Response.Headers.CacheControl = path.StartsWith("lforms/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        return Results.Stream(typeof(IntakeFiles).Assembly.GetManifestResourceStream(name)!, type);
    }

    /// <summary>No framing, no sniffing, and scripts only from this service.</summary>
    public static void Headers(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    public static bool Contains(string path) => Names.Contains(Prefix + path);

    internal static Assembly Assembly => typeof(IntakeFiles).Assembly;
}
