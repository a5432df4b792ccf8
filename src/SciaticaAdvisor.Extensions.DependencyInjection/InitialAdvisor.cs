namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>
/// Hands the advisor built while validating the options to the provider, so startup compiles the
/// rule set once: validating the options is loading them.
/// </summary>
/// <remarks>
/// After the provider has taken its advisor, later validations (an options monitor re-validates
/// when configuration reloads) have no one to hand theirs to, so they are not kept.
/// </remarks>
internal sealed class InitialAdvisor
{
    private static readonly Loaded Taken = new(new SciaticaAdvisorOptions(), null);
    private Loaded? _loaded;

    public void Offer(SciaticaAdvisorOptions options, Advisor advisor)
    {
        var offered = new Loaded(options, advisor);
        var current = Volatile.Read(ref _loaded);
        while (!ReferenceEquals(current, Taken))
        {
            var seen = Interlocked.CompareExchange(ref _loaded, offered, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>The advisor validated for exactly these options, if there is one; it is handed out once.</summary>
    public Advisor? Take(SciaticaAdvisorOptions options)
    {
        var loaded = Interlocked.Exchange(ref _loaded, Taken);
        return loaded is not null && ReferenceEquals(loaded.Options, options) ? loaded.Advisor : null;
    }

    private sealed record Loaded(SciaticaAdvisorOptions Options, Advisor? Advisor);
}
