using System.Net;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Credentials;

public sealed class CredentialExpiryTests
{
    private const string AppId = "5f0c3d6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

    private static readonly DateTimeOffset Today = DateTimeOffset.UtcNow;

    private static Dictionary<string, string?> BotWithSecret(DateTimeOffset? expiresOn) => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["Credentials:MicrosoftAppPasswordExpiresOn"] = expiresOn?.ToString("O"),
    };

    [Fact]
    public async Task Readyz_SecretNearingExpiry_DegradedStill200_ThenUnhealthyPastTheDate()
    {
        var sink = new LogSink();
        await using var bot = new BotApplication(settings: BotWithSecret(Today.AddDays(60))).WithServices(services => services.AddSingleton<ILoggerProvider>(sink));
        using var http = bot.CreateClient();

        var farAhead = await http.GetAsync("/readyz");
        bot.Clock.Offset = TimeSpan.FromDays(45);
        var fifteenDaysLeft = await http.GetAsync("/readyz");
        bot.Clock.Offset = TimeSpan.FromDays(61);
        var expired = await http.GetAsync("/readyz");

        farAhead.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await farAhead.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        fifteenDaysLeft.StatusCode.ShouldBe(HttpStatusCode.OK, "the bot still works: App Service keeps the instance in rotation");
        (await fifteenDaysLeft.Content.ReadAsStringAsync()).ShouldBe("Degraded");
        expired.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await expired.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        var reasons = sink.Entries.Where(entry => entry.Category.Contains("HealthCheck", StringComparison.Ordinal)).Select(entry => entry.Message).ToList();
        reasons.ShouldContain(message => message.Contains($"MicrosoftAppPassword expires on {Today.AddDays(60):yyyy-MM-dd}, in 14 days", StringComparison.Ordinal));
        reasons.ShouldContain(message => message.Contains($"MicrosoftAppPassword expired on {Today.AddDays(60):yyyy-MM-dd}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readyz_SecretWithoutExpiryDate_Degraded()
    {
        await using var bot = new BotApplication(settings: BotWithSecret(expiresOn: null));
        using var http = bot.CreateClient();

        var ready = await http.GetAsync("/readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Degraded");
    }

    [Fact]
    public async Task Readyz_GraphCertificateExpired_UnhealthyEvenWhenTheBotUsesAManagedIdentity()
    {
        using var certificate = TestCertificate.WritePem();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TeamsClient.Tenant,
            ["Graph:CredentialKind"] = "Certificate",
            ["Graph:TenantId"] = TeamsClient.Tenant,
            ["Graph:ClientId"] = AppId,
            ["Graph:CertificatePath"] = certificate.Path,
            ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",
            ["Credentials:GraphCredentialExpiresOn"] = Today.AddDays(20).ToString("O"),
        });
        using var http = bot.CreateClient();

        var soon = await http.GetAsync("/readyz");
        bot.Clock.Offset = TimeSpan.FromDays(21);
        var expired = await http.GetAsync("/readyz");

        (await soon.Content.ReadAsStringAsync()).ShouldBe("Degraded");
        expired.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Readyz_ManagedIdentityBotAndNoGraph_NothingExpiresHealthy()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TeamsClient.Tenant,
        });
        using var http = bot.CreateClient();
        bot.Clock.Offset = TimeSpan.FromDays(3650);

        var ready = await http.GetAsync("/readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Log_SecretExpiringSoon_WarnedAtEveryCheck()
    {
        var sink = new LogSink();
        var settings = BotWithSecret(Today.AddDays(10).AddHours(1));
        settings["Credentials:CheckInterval"] = "00:00:00.100";
        await using var bot = new BotApplication(settings: settings).WithServices(services => services.AddSingleton<ILoggerProvider>(sink));
        using var http = bot.CreateClient();

        List<LogEntry> Warnings() => sink.Entries.Where(entry => entry.Level == LogLevel.Warning
            && entry.Message.StartsWith($"MicrosoftAppPassword expires on {Today.AddDays(10).AddHours(1):yyyy-MM-dd}, in 10 days", StringComparison.Ordinal)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Warnings().Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Warnings().Count.ShouldBeGreaterThanOrEqualTo(3);
    }
}
