using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SciaticaAdvisor;
using SciaticaAdvisor.Extensions.DependencyInjection;

// In the DI namespace, as Microsoft.Extensions.* and Polly do, so AddSciaticaAdvisor is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SciaticaAdvisor in an <see cref="IServiceCollection"/>.</summary>
public static class SciaticaAdvisorServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="IAdvisorProvider"/> (singleton) and <see cref="Advisor"/> (its current advisor), with options validated at startup.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the rule files and reload behaviour; may be <see langword="null"/> for the built-in default rule set.</param>
    /// <returns>The options builder, to bind or configure the options further.</returns>
    /// <remarks>
    /// <see cref="Advisor"/> is registered as transient so that every resolve sees the latest reload;
    /// a singleton that keeps the advisor it was given never sees a reload, so inject
    /// <see cref="IAdvisorProvider"/> there. The rule set is loaded while the options are validated,
    /// which a host does at start; a rule file that is missing or does not load fails validation with
    /// every error.
    /// </remarks>
    public static OptionsBuilder<SciaticaAdvisorOptions> AddSciaticaAdvisor(this IServiceCollection services, Action<SciaticaAdvisorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<SciaticaAdvisorOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddSingleton<InitialAdvisor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SciaticaAdvisorOptions>, SciaticaAdvisorOptionsValidator>());
        services.TryAddSingleton<IAdvisorProvider, AdvisorProvider>();
        services.TryAddTransient(sp => sp.GetRequiredService<IAdvisorProvider>().Current);
        return builder;
    }
}
