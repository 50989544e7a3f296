using System.Net;
using System.Security.Cryptography;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

/// <summary>
/// One bot process that trusts the fake issuer's signing key (its metadata setting, and the issuer's certificate in
/// the process's trust store), so that a valid token is answered and each refusal is the bot's own check of expiry,
/// audience, issuer, signature or service URL, never a key it could not fetch.
/// </summary>
public sealed class TokenBot : IAsyncLifetime
{
    public const string AppId = "5f0c3d6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

    private readonly string _folder = Directory.CreateTempSubdirectory("bepbot-tokens-").FullName;

    public FakeBotFrameworkIssuer Issuer { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    /// <summary>The bot's local-folder store: what it wrote, claims of activities included.</summary>
    public string StoreFolder => Path.Combine(_folder, "store");

    public async Task InitializeAsync()
    {
        Issuer = await FakeBotFrameworkIssuer.StartAsync();
        var trust = Path.Combine(_folder, "trust.pem");
        await Issuer.WriteTrustBundleAsync(trust);
        Bot = await BotProcess.StartAsync(StoreFolder, new Dictionary<string, string>
        {
            ["SSL_CERT_FILE"] = trust,
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            // Setting one of these makes the SDK take all of them from configuration: the public cloud's values, but
            // the key set of the fake issuer.
            ["ToBotFromChannelOpenIdMetadataUrl"] = Issuer.MetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkIssuer.Issuer,
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
            ["CallerId"] = "urn:botframework:azure",
            ["Roster__SeedDemo"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Issuer.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class TokenTests(TokenBot fixture) : IClassFixture<TokenBot>, IDisposable
{
    // The service URL the bot process's Teams client puts in every activity.
    private const string ServiceUrl = "http://127.0.0.1:9/";

    private readonly TeamsClient _teams = fixture.Bot.CreateTeamsClient();

    public void Dispose() => _teams.Dispose();

    [Fact]
    public async Task ValidToken_IsAnswered()
    {
        var response = await PostWithAsync(fixture.Issuer.TokenFor(TokenBot.AppId, ServiceUrl));

        response.Status.ShouldBe(HttpStatusCode.OK, fixture.Bot.Output);
        response.Texts.Single().ShouldContain("bourgmestre de Namur");
    }

    [Fact]
    public async Task ExpiredToken_Returns401AndNothingStored() =>
        await ShouldBeRefusedAsync(fixture.Issuer.TokenFor(TokenBot.AppId, ServiceUrl, expires: DateTime.UtcNow.AddHours(-1)));

    [Fact]
    public async Task TokenForAnotherBot_Returns401AndNothingStored() =>
        await ShouldBeRefusedAsync(fixture.Issuer.TokenFor("0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b", ServiceUrl));

    [Fact]
    public async Task TokenFromAnotherIssuer_Returns401AndNothingStored() =>
        await ShouldBeRefusedAsync(fixture.Issuer.TokenFor(TokenBot.AppId, ServiceUrl, issuer: "https://sts.windows.net/99999999-9999-9999-9999-999999999999/"));

    [Fact]
    public async Task TokenSignedWithAnotherKeyUnderTheTrustedKeyId_Returns401AndNothingStored()
    {
        using var forger = RSA.Create(2048);

        await ShouldBeRefusedAsync(fixture.Issuer.TokenFor(TokenBot.AppId, ServiceUrl, signedWith: forger));
    }

    [Fact]
    public async Task TokenForAnotherServiceUrl_Returns401AndNothingStored() =>
        await ShouldBeRefusedAsync(fixture.Issuer.TokenFor(TokenBot.AppId, "https://smba.evil.example/"));

    private Task<BotResponse> PostWithAsync(string token) =>
        _teams.PostRawAsync(_teams.Activity(TeamsUser.Megan, "message", ConversationType.Personal, null, activity => activity["text"] = "qui suis-je").ToJsonString(), "Bearer " + token);

    /// <summary>Refused before the pipeline: the activity was not claimed and left no document (the bot's folder is unchanged).</summary>
    private async Task ShouldBeRefusedAsync(string token)
    {
        var before = StoreFiles();

        var response = await PostWithAsync(token);

        response.Status.ShouldBe(HttpStatusCode.Unauthorized, fixture.Bot.Output);
        StoreFiles().ShouldBe(before);
    }

    private List<string> StoreFiles() =>
        Directory.Exists(fixture.StoreFolder)
            ? [.. Directory.EnumerateFiles(fixture.StoreFolder, "*", SearchOption.AllDirectories).Select(path => $"{path} {File.GetLastWriteTimeUtc(path):O}").Order(StringComparer.Ordinal)]
            : [];
}
