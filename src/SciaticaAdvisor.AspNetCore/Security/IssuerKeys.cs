using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace SciaticaAdvisor.AspNetCore.Security;

/// <summary>The signing keys of each trusted issuer: from its inline JWKS, or fetched from its JWKS URL and cached.</summary>
/// <remarks>Thread-safe. A fetch is refreshed after an hour, or on an unknown key at most every five minutes; a failed fetch keeps the keys already known.</remarks>
internal sealed class IssuerKeys(IHttpClientFactory clients, TimeProvider time, ILogger<IssuerKeys> logger)
{
    public const string HttpClientName = "SciaticaAdvisor.Jwks";
    private const int MaxJwksBytes = 256 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinRefresh = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<SecurityKey>> GetAsync(TrustedIssuer issuer, bool refresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (issuer.Jwks is { } inline)
        {
            return _entries.GetOrAdd("\0" + issuer.Issuer, _ => new Entry(Parse(inline), now)).Keys;
        }

        if (_entries.TryGetValue(issuer.Issuer, out var entry) && now - entry.Fetched < (refresh ? MinRefresh : Lifetime))
        {
            return entry.Keys;
        }

        try
        {
            using var client = clients.CreateClient(HttpClientName);
            client.MaxResponseContentBufferSize = MaxJwksBytes;
            var json = await client.GetStringAsync(issuer.JwksUrl, cancellationToken);
            var keys = Parse(json);
            _entries[issuer.Issuer] = new Entry(keys, now);
            return keys;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            ServiceLog.JwksFetchFailed(logger, issuer.Issuer, ex.GetType().Name);
            return entry?.Keys ?? [];
        }
    }

    /// <exception cref="ArgumentException">The text is not a JSON Web Key Set.</exception>
    public static IReadOnlyList<SecurityKey> Parse(string jwks) => [.. new JsonWebKeySet(jwks).GetSigningKeys()];

    private sealed record Entry(IReadOnlyList<SecurityKey> Keys, DateTimeOffset Fetched);
}
