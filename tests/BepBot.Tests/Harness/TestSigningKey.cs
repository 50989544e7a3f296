using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BepBot.Tests.Harness;

/// <summary>An RSA key the fake token issuers sign with, and the key set (JWKS) they publish for it.</summary>
public sealed class TestSigningKey(string keyId) : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    /// <summary>Signs <paramref name="token"/> under this key's id, with this key or, to forge one, <paramref name="signedWith"/>.</summary>
    public string Sign(SecurityTokenDescriptor token, RSA? signedWith = null)
    {
        token.SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? _key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(token);
    }

    /// <param name="endorsements">The channels the key is endorsed for (the Bot Framework's "msteams"); none for Entra ID.</param>
    public JsonObject KeySet(params string[] endorsements)
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            key["endorsements"] = new JsonArray([.. endorsements.Select(endorsement => (JsonNode)endorsement)]);
        }

        return new JsonObject { ["keys"] = new JsonArray(key) };
    }

    public void Dispose() => _key.Dispose();
}
