using System.Net.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore;
using SciaticaAdvisor.AspNetCore.CdsHooks;
using SciaticaAdvisor.AspNetCore.Security;

// In the DI namespace, as Microsoft.Extensions.* do, so AddSciaticaAdvisorEndpoints is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what SciaticaAdvisor's endpoints need.</summary>
public static class SciaticaAdvisorEndpointsServiceCollectionExtensions
{
    /// <summary>Registers the endpoints' services and options (validated at start), the advisor (<c>AddSciaticaAdvisor</c>, unless already added) and the CDS Hooks CORS policy.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets limits, the public base URL, issuers, keys and CORS origins; may be <see langword="null"/>.</param>
    /// <returns>The options builder, to bind the options from configuration.</returns>
    /// <remarks>The rule files are configured on the DI package's options: <c>services.AddSciaticaAdvisor(o => o.RuleFiles.Add("clinic.yaml"))</c>.</remarks>
    public static OptionsBuilder<SciaticaServiceOptions> AddSciaticaAdvisorEndpoints(this IServiceCollection services, Action<SciaticaServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(SciaticaAdvisor.Extensions.DependencyInjection.IAdvisorProvider)))
        {
            services.AddSciaticaAdvisor();
        }

        var builder = services.AddOptions<SciaticaServiceOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SciaticaServiceOptions>, SciaticaServiceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReplayGuard>();
        services.TryAddSingleton<IssuerKeys>();
        services.TryAddSingleton<JwtVerifier>();
        services.TryAddSingleton<IntakeFetcher>();
        services.AddProblemDetails();
        services.AddHttpClient(IssuerKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHttpClient(IntakeFetcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, CdsCorsPolicy>();
        return builder;
    }
}
