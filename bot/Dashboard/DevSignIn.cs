using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BepBot.Dashboard;

/// <summary>
/// Local play only: signs a short-lived tab token as one of the demo roster's people, with a key made for this process
/// and never stored, so that the tab can be tried without Teams. Registered in Development alone: elsewhere neither the
/// endpoint nor the scheme that would accept such a token exists.
/// </summary>
public sealed class DevSignIn
{
    public const string Issuer = "bepbot-dev-sign-in";
    public const string Audience = "bepbot-dashboard-tab";

    public SymmetricSecurityKey Key { get; } = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
        NameClaimType = TabClaims.Name,
    };

    /// <summary>Whether a bearer token says this sign-in issued it (unchecked: the DevSignIn scheme then checks it).</summary>
    public static bool Issued(string? authorization)
    {
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var handler = new JsonWebTokenHandler();
        var token = authorization[bearer.Length..].Trim();
        return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Issuer == Issuer;
    }

    public string TokenFor(string tenantId, string aadObjectId, string name, string email, TimeSpan lifetime)
    {
        // The token handler checks lifetimes against the system clock, not TimeProvider: sign against the same one.
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [TabClaims.TenantId] = tenantId,
                [TabClaims.ObjectId] = aadObjectId,
                [TabClaims.Name] = name,
                [TabClaims.PreferredUsername] = email,
            },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
