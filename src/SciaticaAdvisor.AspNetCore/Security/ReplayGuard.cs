using System.Collections.Concurrent;

namespace SciaticaAdvisor.AspNetCore.Security;

/// <summary>Remembers the <c>jti</c> of every accepted token until it expires, so no token is accepted twice.</summary>
/// <remarks>Thread-safe and bounded: expired entries are dropped as new ones come; past <see cref="Capacity"/> live entries, tokens are refused rather than forgotten.</remarks>
internal sealed class ReplayGuard
{
    public const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _adds;

    public bool TryUse(string issuer, string jti, DateTimeOffset until, DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _adds) % 1024 == 0 || _seen.Count >= Capacity)
        {
            foreach (var entry in _seen)
            {
                if (entry.Value < now)
                {
                    _seen.TryRemove(entry.Key, out _);
                }
            }
        }

        return _seen.Count < Capacity && _seen.TryAdd(issuer + "\n" + jti, until);
    }
}
