using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace SciaticaAdvisor.AspNetCore.CdsHooks;

/// <summary>The CORS policy of the endpoints: the configured origins only (none by default, never any origin), JSON calls with a bearer token.</summary>
internal sealed class CdsCorsPolicy(IOptions<SciaticaServiceOptions> service) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options) => options.AddPolicy(CdsEndpoints.CorsPolicy, policy =>
    {
        var origins = service.Value.CorsOrigins.Where(o => o != "*").ToArray();
        if (origins.Length == 0)
        {
            return;
        }

        policy.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type", "X-Api-Key");
    });
}
