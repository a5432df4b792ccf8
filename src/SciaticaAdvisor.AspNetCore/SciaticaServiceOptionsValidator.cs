using Microsoft.Extensions.Options;
using SciaticaAdvisor.AspNetCore.Security;

namespace SciaticaAdvisor.AspNetCore;

/// <summary>Checks the service options at start, so a mistake stops the host with every problem named.</summary>
internal sealed class SciaticaServiceOptionsValidator : IValidateOptions<SciaticaServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, SciaticaServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("SciaticaAdvisor:Service: MaxRequestBodyBytes must be positive.");
        }

        if (options.RequestBodyTimeout <= TimeSpan.Zero || options.FhirServerTimeout <= TimeSpan.Zero || options.MaxTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("SciaticaAdvisor:Service: RequestBodyTimeout, FhirServerTimeout and MaxTokenLifetime must be positive.");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Query.Length > 0))
        {
            failures.Add("SciaticaAdvisor:Service: PublicBaseUrl must be an absolute http or https URL without a query.");
        }

        if (options.CorsOrigins.Any(o => o == "*" || !Uri.TryCreate(o, UriKind.Absolute, out _)))
        {
            failures.Add("SciaticaAdvisor:Service: CorsOrigins must be origins such as https://ehr.clinic.example; '*' is not allowed.");
        }

        if (options.ApiKeys.Any(k => k.Length < 16))
        {
            failures.Add("SciaticaAdvisor:Service: every API key must be at least 16 characters.");
        }

        foreach (var (issuer, index) in options.TrustedIssuers.Select((i, n) => (i, n)))
        {
            var at = $"SciaticaAdvisor:Service: TrustedIssuers[{index}]";
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                failures.Add($"{at}: Issuer is required.");
            }

            if ((issuer.JwksUrl is null) == (issuer.Jwks is null))
            {
                failures.Add($"{at}: give exactly one of JwksUrl and Jwks.");
            }
            else if (issuer.JwksUrl is { } jwksUrl && (!jwksUrl.IsAbsoluteUri || (jwksUrl.Scheme != Uri.UriSchemeHttps && !jwksUrl.IsLoopback)))
            {
                failures.Add($"{at}: JwksUrl must be an https URL (http only on loopback).");
            }
            else if (issuer.Jwks is { } jwks)
            {
                try
                {
                    if (IssuerKeys.Parse(jwks).Count == 0)
                    {
                        failures.Add($"{at}: Jwks holds no signing key.");
                    }
                }
                catch (ArgumentException)
                {
                    failures.Add($"{at}: Jwks is not a JSON Web Key Set.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
