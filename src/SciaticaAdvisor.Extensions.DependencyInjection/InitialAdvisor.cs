namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>
/// Hands the advisor built while validating the options to the provider, so startup compiles the
/// rule set once: validating the options is loading them.
/// </summary>
internal sealed class InitialAdvisor
{
    private Loaded? _loaded;

    public void Offer(SciaticaAdvisorOptions options, Advisor advisor) =>
        Interlocked.Exchange(ref _loaded, new Loaded(options, advisor));

    /// <summary>The advisor validated for exactly these options, if there is one; it is handed out once.</summary>
    public Advisor? Take(SciaticaAdvisorOptions options)
    {
        var loaded = Interlocked.Exchange(ref _loaded, null);
        return loaded is not null && ReferenceEquals(loaded.Options, options) ? loaded.Advisor : null;
    }

    private sealed record Loaded(SciaticaAdvisorOptions Options, Advisor Advisor);
}
