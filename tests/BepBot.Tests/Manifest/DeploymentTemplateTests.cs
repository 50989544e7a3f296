using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BepBot.Dashboard;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Graph;
using BepBot.Infrastructure.Credentials;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using BepBot.Teams;
using BepBot.Tests.Cards;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Manifest;

// infra/main.bicep compiled offline (infra/validate.sh, the Bicep CLI from NuGet), and checked against the bot it
// deploys: the settings it writes are keys the bot reads, and its lifecycle rules purge where the bot writes.
public sealed partial class DeploymentTemplateTests
{
    private static readonly Lazy<JsonObject> Template = new(CompileTemplate);

    private static string Bicep => File.ReadAllText(Path.Combine(CardTestPaths.RepositoryRoot, "infra", "main.bicep"));

    [Fact]
    public void MainBicep_Compiles_WithTeamsChannelLinuxDotnet10AndAutoscale()
    {
        var resources = Template.Value["resources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();

        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.BotService/botServices/channels"
            && (string?)resource["properties"]!["channelName"] == "MsTeamsChannel"
            && (bool)resource["properties"]!["properties"]!["isEnabled"]!);
        var site = resources.Single(resource => (string?)resource["type"] == "Microsoft.Web/sites");
        ((string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]).ShouldBe("DOTNETCORE|10.0");
        ((string?)site["properties"]!["siteConfig"]!["healthCheckPath"]).ShouldBe("/readyz");
        ((bool)site["properties"]!["clientAffinityEnabled"]!).ShouldBeFalse();
        var plan = resources.Single(resource => (string?)resource["type"] == "Microsoft.Web/serverfarms");
        ((bool)plan["properties"]!["reserved"]!).ShouldBeTrue();
        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.Insights/autoscalesettings");
        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.Storage/storageAccounts/queueServices/queues");
        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.KeyVault/vaults/secrets");
        var parameters = Template.Value["parameters"]!.AsObject();
        ((int)parameters["maxInstances"]!["defaultValue"]!).ShouldBeGreaterThan((int)parameters["minInstances"]!["defaultValue"]!);
    }

    [Fact]
    public void MainBicep_AppSettings_AreKeysTheBotReads()
    {
        var sections = new Dictionary<string, Type>
        {
            [BotOptions.Section] = typeof(BotOptions),
            [StorageOptions.Section] = typeof(StorageOptions),
            [RosterOptions.Section] = typeof(RosterOptions),
            [ExportOptions.Section] = typeof(ExportOptions),
            [TelemetryOptions.Section] = typeof(TelemetryOptions),
            [CredentialOptions.Section] = typeof(CredentialOptions),
            [GraphOptions.Section] = typeof(GraphOptions),
            [DashboardOptions.Section] = typeof(DashboardOptions),
        };
        var settings = SettingName().Matches(Bicep).Select(match => (Section: match.Groups[1].Value, Key: match.Groups[2].Value)).ToList();

        settings.Count.ShouldBeGreaterThan(5);
        foreach (var (section, key) in settings)
        {
            sections.ShouldContainKey(section);
            sections[section].GetProperty(key, BindingFlags.Public | BindingFlags.Instance).ShouldNotBeNull($"{section}:{key} is not a setting of {sections[section].Name}");
        }
    }

    [Fact]
    public void MainBicep_ByDefault_BotAndGraphSignInWithAManagedIdentity_NoSecretToExpire()
    {
        var parameters = Template.Value["parameters"]!.AsObject();
        var resources = Template.Value["resources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();

        ((string?)parameters["botAppType"]!["defaultValue"]).ShouldBe(BotIdentityOptions.UserAssignedMsi);
        parameters["botAppType"]!["allowedValues"]!.AsArray().Select(value => (string?)value)
            .ShouldBe([BotIdentityOptions.UserAssignedMsi, BotIdentityOptions.SingleTenant, BotIdentityOptions.MultiTenant]);
        ((string?)parameters["graphCredential"]!["defaultValue"]).ShouldBe(nameof(GraphCredentialKind.ManagedIdentity));
        parameters["graphCredential"]!["allowedValues"]!.AsArray().ShouldAllBe(value => Enum.IsDefined(Enum.Parse<GraphCredentialKind>((string)value!)));
        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.ManagedIdentity/userAssignedIdentities");
        var bot = resources.Single(resource => (string?)resource["type"] == "Microsoft.BotService/botServices");
        bot["properties"]!["msaAppMSIResourceId"]!.ToString().ShouldContain("userAssignedIdentities");
        var site = resources.Single(resource => (string?)resource["type"] == "Microsoft.Web/sites");
        ((string?)site["identity"]!["type"]).ShouldBe("SystemAssigned, UserAssigned");
        Bicep.ShouldContain("value: useManagedIdentity ? '' : appPasswordReference");
        Bicep.ShouldContain("value: graphCredential == 'ClientSecret' ? appPasswordReference : ''");
    }

    [Fact]
    public void MainBicep_DashboardSingleSignOn_ParametersBecomeTheTabsSettings()
    {
        var parameters = Template.Value["parameters"]!.AsObject();
        var site = Template.Value["resources"]!.AsArray().Select(resource => resource!.AsObject()).Single(resource => (string?)resource["type"] == "Microsoft.Web/sites");

        ((string?)parameters["dashboardClientId"]!["defaultValue"]).ShouldBe(string.Empty);
        ((string?)parameters["dashboardApplicationIdUri"]!["defaultValue"]).ShouldBe(string.Empty);
        site["properties"]!["siteConfig"]!["appSettings"]!.ToString().ShouldContain("variables('dashboardSettings')");
        Bicep.ShouldContain("name: 'Dashboard__ClientId'\n    value: dashboardClientId");
        Bicep.ShouldContain("name: 'Dashboard__ApplicationIdUri'\n    value: dashboardApplicationIdUri");
        Template.Value["outputs"]!["dashboardApplicationIdUri"].ShouldNotBeNull();
    }

    [Fact]
    public async Task LifecycleRules_PurgeThePrefixesTheBotWritesUnder()
    {
        await using var bot = new BotApplication();
        await bot.Services.GetRequiredService<ExportStore>().SaveAsync(ExportContent.PersonalData, "liste.csv", ExportTable.CsvContentType, [1, 2, 3]);

        (await bot.KeysAsync("exports/")).ShouldNotBeEmpty();
        Bicep.ShouldContain("'${storageContainer}/exports/'");
        ((string?)Template.Value["parameters"]!["storageContainer"]!["defaultValue"]).ShouldBe(new StorageOptions().Container);
    }

    [Fact]
    public async Task ClaimsTable_DeclaredWithTheNameTheBotUses_AndTheBotMayWriteIt()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        await teams.SayAsync(TeamsUser.Megan, "aide");

        (await bot.ActivityClaimsAsync()).ShouldNotBeEmpty();
        Bicep.ShouldContain("var claimsTable = '${replace(storageContainer, '-', '')}activities'");
        new StorageOptions().ClaimsTableName.ShouldBe("bepbotactivities");
        new StorageOptions { Container = "bep-bot-prod" }.ClaimsTableName.ShouldBe("bepbotprodactivities");
        var resources = Template.Value["resources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();
        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.Storage/storageAccounts/tableServices/tables");
        ((string?)Template.Value["variables"]!["storageTableDataContributor"]).ShouldBe("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3");
        resources.ShouldContain(resource => (string?)resource["type"] == "Microsoft.Authorization/roleAssignments"
            && resource["properties"]!["roleDefinitionId"]!.ToString().Contains("variables('storageTableDataContributor')", StringComparison.Ordinal));
        Bicep.ShouldContain("name: 'Storage__ActivityClaimRetention'");
    }

    private static JsonObject CompileTemplate()
    {
        var output = Directory.CreateTempSubdirectory("bepbot-infra-").FullName;
        try
        {
            var start = new ProcessStartInfo("bash")
            {
                ArgumentList = { Path.Combine(CardTestPaths.RepositoryRoot, "infra", "validate.sh"), output },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("infra/validate.sh did not finish within 3 minutes.");
            }

            process.ExitCode.ShouldBe(0, $"infra/validate.sh failed:\n{stdout.Result}\n{stderr.Result}");
            return JsonNode.Parse(File.ReadAllText(Path.Combine(output, "main.json")))!.AsObject();
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex(@"name: '([A-Za-z]+)__([A-Za-z]+)(?:__[^']*)?'")]
    private static partial Regex SettingName();
}
