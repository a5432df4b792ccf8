using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>An EHR's signing key and the JWTs it sends, as CDS Hooks 2.0 describes them.</summary>
internal sealed class Tokens : IDisposable
{
    public const string Issuer = "https://ehr.test";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();

    public Tokens(string kid = "ehr-key-1") => Kid = kid;

    public string Kid { get; }

    /// <summary>The public key as a JSON Web Key Set.</summary>
    public string Jwks
    {
        get
        {
            var parameters = _rsa.ExportParameters(false);
            return new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA", ["kid"] = Kid, ["use"] = "sig", ["alg"] = "RS384",
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                }),
            }.ToJsonString();
        }
    }

    public string Create(string audience, TimeSpan? expiresIn = null, string? jti = null, string issuer = Issuer, DateTime? issuedAt = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(4));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = expires < now ? expires.AddMinutes(-1) : now,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString(), ["sub"] = "ehr-client" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha384),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
