namespace SciaticaAdvisor.AspNetCore;

/// <summary>Configures the HTTP endpoints: limits, the public address, and who may call.</summary>
/// <remarks>
/// Bind it from configuration (section <c>SciaticaAdvisor:Service</c> in <c>sciatica-advisor serve</c>)
/// or set it in code; it is validated at start. With no <see cref="TrustedIssuers"/> and no
/// <see cref="ApiKeys"/>, calls are anonymous and accepted only on a loopback address, unless
/// <see cref="AllowAnonymous"/> is set. The rule files are the DI package's
/// <c>SciaticaAdvisorOptions</c>.
/// </remarks>
public sealed class SciaticaServiceOptions
{
    /// <summary>The largest request body accepted, in bytes; a larger one is a 413. Defaults to 1 MiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a request body may take to arrive; a slower one is a 408. Defaults to 10 seconds.</summary>
    public TimeSpan RequestBodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the CDS service waits for the EHR's FHIR server when the intake was not prefetched. Defaults to 10 seconds.</summary>
    public TimeSpan FhirServerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The address at which callers reach the service (<c>https://cds.clinic.example</c>), behind any proxy.</summary>
    /// <remarks>
    /// It is the JWT audience the EHR must sign for (the called endpoint's URL below it) and the base of
    /// the links on cards. When not set, the address of each request is used, which is right only when
    /// nothing rewrites it on the way.
    /// </remarks>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The EHRs whose signed JWTs are accepted (CDS Hooks 2.0 authentication).</summary>
    public IList<TrustedIssuer> TrustedIssuers { get; } = [];

    /// <summary>API keys accepted in the <c>X-Api-Key</c> header of <c>POST /advice</c> and <c>POST /advice/fhir</c> (not by the CDS service).</summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>Accept calls without credentials on any address. Off by default: then anonymous calls are accepted only on loopback, and only while no issuer or key is configured.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The browser origins allowed to call the endpoints cross-origin (<c>https://ehr.clinic.example</c>); none by default, never <c>*</c>.</summary>
    public IList<string> CorsOrigins { get; } = [];

    /// <summary>The longest lifetime (<c>exp</c> minus now) accepted for a JWT, as CDS Hooks asks for short-lived tokens. Defaults to 5 minutes.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal bool HasCredentials => TrustedIssuers.Count > 0 || ApiKeys.Count > 0;
}
