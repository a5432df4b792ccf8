using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SciaticaAdvisor.AspNetCore.Security;

/// <summary>Verifies an EHR's JWT as CDS Hooks 2.0 asks: a trusted <c>iss</c> signed with its key, <c>aud</c> this endpoint, <c>exp</c> soon, <c>jti</c> used once.</summary>
/// <remarks>Thread-safe; one per host. Answers a short reason for a refusal, never the token's content.</remarks>
internal sealed class JwtVerifier(IOptions<SciaticaServiceOptions> options, IssuerKeys keys, ReplayGuard replays, TimeProvider time)
{
    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> key under which the verified caller's <see cref="TrustedIssuer"/> is kept.</summary>
    public const string IssuerItem = "SciaticaAdvisor.TrustedIssuer";

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = 16 * 1024 };

    /// <returns>The issuer when the token is good; else why it is not.</returns>
    public async Task<(string? Failure, TrustedIssuer? Issuer)> VerifyAsync(string token, string audience, CancellationToken cancellationToken)
    {
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return ("the bearer token is not a JWT", null);
        }

        var issuer = options.Value.TrustedIssuers.FirstOrDefault(i => string.Equals(i.Issuer, unverified.Issuer, StringComparison.Ordinal));
        if (issuer is null)
        {
            return ("the token's issuer is not trusted", null);
        }

        var signingKeys = await keys.GetAsync(issuer, refresh: false, cancellationToken);
        var result = await ValidateAsync(token, issuer, audience, signingKeys);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The EHR may have rotated its keys: fetch them again (at most every few minutes).
            result = await ValidateAsync(token, issuer, audience, await keys.GetAsync(issuer, refresh: true, cancellationToken));
        }

        if (!result.IsValid)
        {
            return (Reason(result.Exception), null);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var now = time.GetUtcNow();
        if (jwt.ValidTo - now.UtcDateTime > options.Value.MaxTokenLifetime + ClockSkew)
        {
            return ("the token lives too long; CDS Hooks asks for tokens that expire within 5 minutes", null);
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return ("the token has no jti", null);
        }

        return replays.TryUse(issuer.Issuer, jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + ClockSkew, now)
            ? (null, issuer)
            : ("the token was already used (jti replay)", null);
    }

    private Task<TokenValidationResult> ValidateAsync(string token, TrustedIssuer issuer, string audience, IReadOnlyList<SecurityKey> signingKeys) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = Algorithms,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
            TryAllIssuerSigningKeys = false,
        });

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no exp",
        SecurityTokenInvalidAudienceException => "the token's aud is not this endpoint's URL",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenSignatureKeyNotFoundException => "the token is not signed by a key of its issuer",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted; use RS384 or ES384",
        _ => "the token is not valid",
    };
}
