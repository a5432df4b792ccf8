namespace SciaticaAdvisor.AspNetCore;

/// <summary>An EHR whose JWTs the CDS service accepts: its <c>iss</c> and where its public keys are.</summary>
/// <remarks>Give exactly one of <see cref="JwksUrl"/> and <see cref="Jwks"/>. The <c>jku</c> header of a token is never followed.</remarks>
public sealed class TrustedIssuer
{
    /// <summary>The issuer, exactly as the EHR writes it in <c>iss</c>.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The URL of the EHR's JSON Web Key Set, fetched (and cached for an hour) by the service.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>The EHR's JSON Web Key Set itself, as JSON text, for an EHR that hands its keys over out of band.</summary>
    public string? Jwks { get; set; }

    /// <summary>The FHIR server base URLs this EHR may send as <c>fhirServer</c>; when empty, any http or https URL.</summary>
    public IList<Uri> FhirServers { get; } = [];
}
