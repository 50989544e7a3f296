using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
/// The Bot Framework's token issuer, faked on loopback: OpenID metadata and a key set with one test RSA key, endorsed
/// for Teams, that the bot trusts through its ToBotFromChannelOpenIdMetadataUrl setting; and tokens signed as the Bot
/// Connector signs those it sends with each activity. Served over HTTPS with a certificate of its own, since the SDK
/// fetches metadata from HTTPS addresses only; a bot process trusts it through <see cref="WriteTrustBundleAsync"/>.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    /// <summary>What the Bot Framework SDK expects in the iss claim of a token from a channel.</summary>
    public const string Issuer = "https://api.botframework.com";

    private const string KeyId = "bepbot-test-key";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly TestSigningKey _key = new(KeyId);

    private FakeBotFrameworkIssuer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    /// <summary>The value for the bot's ToBotFromChannelOpenIdMetadataUrl setting.</summary>
    public string MetadataUrl { get; private set; } = string.Empty;

    public static async Task<FakeBotFrameworkIssuer> StartAsync()
    {
        var certificate = SelfSignedCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var issuer = new FakeBotFrameworkIssuer(app, certificate);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Content(Metadata(http).ToJsonString(), "application/json"));
        app.MapGet("/v1/.well-known/keys", () => Results.Content(issuer.KeySet().ToJsonString(), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        issuer.MetadataUrl = address + "/v1/.well-known/openidconfiguration";
        return issuer;
    }

    /// <summary>
    /// Writes a trust bundle (the machine's roots and this issuer's certificate) for a bot process's SSL_CERT_FILE: the
    /// SDK fetches the keys with an HTTP client of its own, which only the process's trust store can reach.
    /// </summary>
    public async Task WriteTrustBundleAsync(string path)
    {
        const string machineRoots = "/etc/ssl/certs/ca-certificates.crt";
        var roots = File.Exists(machineRoots) ? await File.ReadAllTextAsync(machineRoots) : string.Empty;
        await File.WriteAllTextAsync(path, roots + "\n" + _certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>A token as the Bot Connector sends it to <paramref name="audience"/> (the bot's app id) for an activity from <paramref name="serviceUrl"/>.</summary>
    public string TokenFor(string audience, string serviceUrl, DateTime? expires = null, string issuer = Issuer, RSA? signedWith = null)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(30);
        return _key.Sign(
            new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                IssuedAt = until.AddHours(-1),
                NotBefore = until.AddHours(-1),
                Expires = until,
                Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            },
            signedWith);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _certificate.Dispose();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel needs the private key in a form it can load; the one CreateSelfSigned attaches is ephemeral.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    private static JsonObject Metadata(HttpContext http) => new()
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/v1/.well-known/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject KeySet() => _key.KeySet("msteams");
}
