namespace SciaticaAdvisor.AspNetCore.Security;

/// <summary>Which credentials an endpoint takes.</summary>
[Flags]
internal enum CallerKinds
{
    /// <summary>An EHR's signed JWT as the bearer token.</summary>
    Jwt = 1,

    /// <summary>A configured API key in <c>X-Api-Key</c>.</summary>
    ApiKey = 2,
}
