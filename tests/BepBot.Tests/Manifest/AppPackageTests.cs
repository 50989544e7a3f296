using System.Text;
using System.Text.Json.Nodes;

namespace BepBot.Tests.Manifest;

public sealed class AppPackageTests
{
    [Fact]
    public void Package_CommittedManifest_BuildsFlatZipWithThisEnvironmentsIds()
    {
        using var package = new AppPackage();

        var result = package.Build();

        result.ExitCode.ShouldBe(0, result.Errors);
        result.Output.ShouldContain("valid");
        var entries = package.ReadZip();
        entries.Keys.ShouldBe(["manifest.json", "color.png", "outline.png", "en.json"], ignoreOrder: true);
        Encoding.UTF8.GetString(entries["manifest.json"]).ShouldNotContain("{{");
        Encoding.UTF8.GetString(entries["en.json"]).ShouldNotContain("{{");

        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        manifest["id"]!.GetValue<string>().ShouldBe(AppPackage.AppId);
        manifest["bots"]![0]!["botId"]!.GetValue<string>().ShouldBe(AppPackage.BotId);
        manifest["webApplicationInfo"]!["id"]!.GetValue<string>().ShouldBe(AppPackage.BotId);
        manifest["webApplicationInfo"]!["resource"]!.GetValue<string>().ShouldBe($"api://{AppPackage.Domain}/{AppPackage.BotId}");
        var dashboard = manifest["staticTabs"]!.AsArray().Single(tab => (string?)tab!["entityId"] == "dashboard")!;
        dashboard["contentUrl"]!.GetValue<string>().ShouldBe($"https://{AppPackage.Domain}/tab/");
        dashboard["name"]!.GetValue<string>().ShouldBe("Tableau de bord");
        JsonNode.Parse(entries["en.json"])!["staticTabs[1].name"]!.GetValue<string>().ShouldBe("Dashboard");
        manifest["validDomains"]!.AsArray().Select(domain => domain!.GetValue<string>()).ShouldBe([AppPackage.Domain]);
        manifest["bots"]![0]!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>())
            .ShouldBe(["personal", "team", "groupChat"], ignoreOrder: true);
    }

    [Fact]
    public void Package_TabRegistrationApartFromTheBotsManagedIdentity_NamesItForSingleSignOn()
    {
        using var package = new AppPackage();
        package.Values["BEPBOT_SSO_APP_ID"] = "0d9c8b7a-6f5e-4d3c-8b2a-190817263544";

        var result = package.Build();

        result.ExitCode.ShouldBe(0, result.Errors);
        var manifest = JsonNode.Parse(package.ReadZip()["manifest.json"])!;
        manifest["bots"]![0]!["botId"]!.GetValue<string>().ShouldBe(AppPackage.BotId);
        manifest["webApplicationInfo"]!["id"]!.GetValue<string>().ShouldBe("0d9c8b7a-6f5e-4d3c-8b2a-190817263544");
        manifest["webApplicationInfo"]!["resource"]!.GetValue<string>().ShouldBe($"api://{AppPackage.Domain}/0d9c8b7a-6f5e-4d3c-8b2a-190817263544");
    }

    [Fact]
    public void Package_SingleSignOnResourceOfAnotherApp_IsRefused()
    {
        using var package = new AppPackage();
        package.Edit("manifest.json", manifest => manifest["webApplicationInfo"]!["resource"] = "api://elsewhere.example/{{BOT_ID}}");

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain($"webApplicationInfo.resource must be api://{AppPackage.Domain}/{AppPackage.BotId}");
        File.Exists(package.ZipPath).ShouldBeFalse();
    }

    [Fact]
    public void Package_MissingRequiredField_FailsWithTheSchemaErrorAndWritesNothing()
    {
        using var package = new AppPackage();
        package.Edit("manifest.json", manifest => manifest["developer"]!.AsObject().Remove("privacyUrl"));

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("/developer must have required property 'privacyUrl'");
        File.Exists(package.ZipPath).ShouldBeFalse();
    }

    [Fact]
    public void Package_BotIdNotAGuid_FailsOnBotIdAndWebApplicationInfo()
    {
        using var package = new AppPackage();
        package.Values["BEPBOT_BOT_ID"] = "bepbot";

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("/bots/0/botId must match pattern");
        result.Errors.ShouldContain("/webApplicationInfo/id must match pattern");
        File.Exists(package.ZipPath).ShouldBeFalse();
    }

    [Fact]
    public void Package_PlaceholderGuid_IsRefused()
    {
        using var package = new AppPackage();
        package.Values["BEPBOT_BOT_ID"] = "00000000-0000-0000-0000-000000000000";

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("bots[0].botId is the all-zero GUID, a placeholder");
    }

    [Fact]
    public void Package_ValueNotConfigured_SaysWhichVariableToSet()
    {
        using var package = new AppPackage();
        package.Values.Remove("BEPBOT_BOT_DOMAIN");

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("{{BOT_DOMAIN}} has no value: set BEPBOT_BOT_DOMAIN");
    }

    [Fact]
    public void Package_DomainWithScheme_IsRefused()
    {
        using var package = new AppPackage();
        package.Values["BEPBOT_BOT_DOMAIN"] = "https://bepbot.example.be/api";

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("must be a host name only");
    }

    [Fact]
    public void Package_OutlineIconOfTheWrongSize_FailsOnSizeAndTransparency()
    {
        using var package = new AppPackage();
        File.Copy(Path.Combine(package.ManifestFolder, "color.png"), Path.Combine(package.ManifestFolder, "outline.png"), overwrite: true);

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("outline.png is 192x192, Teams requires 32x32");
        result.Errors.ShouldContain("outline.png must have a transparent background");
        result.Errors.ShouldContain("outline.png must be white only");
    }

    [Fact]
    public void Package_ColourIconMissing_Fails()
    {
        using var package = new AppPackage();
        File.Delete(Path.Combine(package.ManifestFolder, "color.png"));

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("icons: color.png is missing");
    }

    [Fact]
    public void Package_TranslationMissingOrExtra_NamesTheKeys()
    {
        using var package = new AppPackage();
        package.Edit("en.json", english =>
        {
            english.Remove("bots[0].commandLists[0].commands[3].title");
            english["bots[0].commandLists[2].commands[0].title"] = "votes";
        });

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("en.json: \"bots[0].commandLists[0].commands[3].title\" is missing");
        result.Errors.ShouldContain("en.json: \"bots[0].commandLists[2].commands[0].title\" translates nothing");
    }

    [Fact]
    public void Package_CommandListTooLongOrDuplicated_Fails()
    {
        using var package = new AppPackage();
        package.Edit("manifest.json", manifest =>
        {
            var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
            commands.Add(new JsonObject { ["title"] = "aide", ["description"] = "encore l'aide" });
            commands[1]!["title"] = "une commande bien trop longue pour le menu de Teams";
        });

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("/bots/0/commandLists/0/commands must NOT have more than 12 items");
        result.Errors.ShouldContain("is longer than the 32 characters Teams shows");
        result.Errors.ShouldContain("title \"aide\" appears twice in the list");
    }

    [Fact]
    public void Package_SchemaVersionNotShipped_SaysWhichOnesAre()
    {
        using var package = new AppPackage();
        package.Edit("manifest.json", manifest => manifest["manifestVersion"] = "1.18");

        var result = package.Build();

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain("manifestVersion \"1.18\" has no schema in @microsoft/app-manifest");
    }
}
