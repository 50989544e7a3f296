using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Tests.Cards;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Manifest;

// The command menu Teams shows comes from the manifest; clicking an entry sends its title as a message.
// Every title, French and English, must therefore be something the bot's command table understands.
public sealed class ManifestCommandTests
{
    [Fact]
    public async Task ManifestCommands_EveryTitleInEveryLanguage_IsRoutedByTheBot()
    {
        await using var bot = new BotApplication();
        var table = bot.Services.GetRequiredService<CommandTable>();

        var unrouted = ManifestTitles().Where(title => table.Match(title) is null).ToList();

        unrouted.ShouldBeEmpty();
    }

    private static HashSet<string> ManifestTitles()
    {
        var folder = Path.Combine(CardTestPaths.RepositoryRoot, "manifest");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "en.json")))!.AsObject();
        var titles = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray())
            .Select(command => command!["title"]!.GetValue<string>())
            .Concat(english.Where(entry => entry.Key.EndsWith(".title", StringComparison.Ordinal)).Select(entry => entry.Value!.GetValue<string>()));
        return [.. titles];
    }
}
