using System.Net;

namespace SciaticaAdvisor.Cli.Serving;

/// <summary>The <c>--urls</c> of <c>serve</c>, and whether each listens only on loopback.</summary>
internal static class ListenAddresses
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>The URLs, split as ASP.NET Core splits them (<c>;</c>), or the default.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string>? given)
    {
        var urls = (given ?? []).SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return urls.Count > 0 ? urls : [Default];
    }

    /// <summary>Whether a URL's host is a loopback address or <c>localhost</c>; <c>*</c>, <c>+</c>, <c>0.0.0.0</c> and names are not.</summary>
    public static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        if (host is null)
        {
            return false;
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Whether a URL is one Kestrel can listen on: http or https with a host and a port.</summary>
    public static bool IsValid(string url) => HostOf(url) is not null;

    private static string? HostOf(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var rest = url[(scheme + 3)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        var colon = authority.LastIndexOf(':');
        var host = colon > 0 && !authority.EndsWith(']') ? authority[..colon] : authority;
        return host.Length == 0 ? null : host;
    }
}
