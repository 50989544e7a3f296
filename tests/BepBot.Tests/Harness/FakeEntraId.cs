using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace BepBot.Tests.Harness;

/// <summary>
/// Microsoft Entra ID as the dashboard tab meets it, faked on loopback for the whole test run: the OpenID metadata of
/// « any organisation » and a key set with one test RSA key, which the bot reads through Dashboard:MetadataAddress; and
/// single sign-on tokens signed as Entra ID signs those Teams hands the tab (issuer of the person's own tenant, tid,
/// oid, name, preferred_username, audience the app's Application ID URI).
/// </summary>
public sealed class FakeEntraId
{
    /// <summary>The app registration the tests' tab belongs to (Dashboard:ClientId; MicrosoftAppId stays empty so /api/messages needs no token).</summary>
    public const string AppId = "6a2f0c1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    public const string ApplicationIdUri = "api://bepbot.test/" + AppId;

    private const string KeyId = "entra-test-key";

    private static readonly Lazy<FakeEntraId> SharedValue = new(() => StartAsync().GetAwaiter().GetResult());

    private readonly TestSigningKey _key = new(KeyId);

    private FakeEntraId()
    {
    }

    /// <summary>One fake for the test run: it only serves keys, and its address must be known before a bot is configured.</summary>
    public static FakeEntraId Shared => SharedValue.Value;

    public string MetadataUrl { get; private set; } = string.Empty;

    /// <summary>The bot's settings that trust this fake for the tab (and allow the tests' tenant only).</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dashboard:MetadataAddress"] = MetadataUrl,
        ["Dashboard:ClientId"] = AppId,
        ["Dashboard:ApplicationIdUri"] = ApplicationIdUri,
        ["Bot:AllowedTenants:0"] = TeamsClient.Tenant,
    };

    public static string IssuerOf(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>A token as Teams gives the tab for <paramref name="user"/>; each argument forges one part of it.</summary>
    public string TokenFor(
        TeamsUser user,
        string tenant = TeamsClient.Tenant,
        string audience = ApplicationIdUri,
        DateTime? expires = null,
        RSA? signedWith = null,
        string? issuer = null,
        string? email = null)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        var token = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IssuerOf(tenant),
            Audience = audience,
            IssuedAt = until.AddHours(-1),
            NotBefore = until.AddHours(-1),
            Expires = until,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tenant,
                ["oid"] = user.AadObjectId,
                ["name"] = user.Name,
                ["preferred_username"] = email ?? user.Name.Replace(' ', '.').ToLowerInvariant() + "@bepbot-demo.example",
                ["scp"] = "access_as_user",
                ["ver"] = "2.0",
            },
        };
        return _key.Sign(token, signedWith);
    }

    private static async Task<FakeEntraId> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var entra = new FakeEntraId();
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext http) => Results.Content(Metadata(http).ToJsonString(), "application/json"));
        app.MapGet("/discovery/v2.0/keys", () => Results.Content(entra.KeySet().ToJsonString(), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        entra.MetadataUrl = address + "/organizations/v2.0/.well-known/openid-configuration";
        return entra;
    }

    private static JsonObject Metadata(HttpContext http) => new()
    {
        ["issuer"] = IssuerOf("{tenantid}"),
        ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/discovery/v2.0/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint"] = $"{http.Request.Scheme}://{http.Request.Host}/organizations/oauth2/v2.0/token",
        ["authorization_endpoint"] = $"{http.Request.Scheme}://{http.Request.Host}/organizations/oauth2/v2.0/authorize",
        ["response_types_supported"] = new JsonArray("code", "id_token"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
    };

    private JsonObject KeySet() => _key.KeySet();
}
