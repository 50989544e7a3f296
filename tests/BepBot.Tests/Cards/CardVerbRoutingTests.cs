using BepBot.Chat;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Cards;

public sealed class CardVerbRoutingTests
{
    [Fact]
    public async Task EveryCardVerb_IsRoutedByTheBot()
    {
        await using var bot = new BotApplication();
        var routed = bot.Services.GetRequiredService<CommandTable>().Verbs;

        var verbs = CardChecks.AllVerbs();

        verbs.ShouldNotBeEmpty();
        Unrouted(verbs, routed).ShouldBeEmpty("every Action.Execute verb in cards/ must be answered by a feature");
    }

    [Fact]
    public async Task CardWithUnknownVerb_IsReportedAsUnrouted()
    {
        await using var bot = new BotApplication();
        var routed = bot.Services.GetRequiredService<CommandTable>().Verbs;
        var card = System.Text.Json.Nodes.JsonNode.Parse("""
            { "type": "AdaptiveCard", "version": "1.5", "body": [],
              "actions": [ { "type": "Action.Execute", "title": "Aide", "verb": "help.show" },
                           { "type": "Action.Execute", "title": "Voter", "verb": "votes.hack" } ] }
            """)!.AsObject();

        Unrouted(CardChecks.Verbs(card), routed).ShouldBe(["votes.hack"]);
    }

    private static List<string> Unrouted(IEnumerable<string> cardVerbs, IReadOnlyCollection<string> routed) =>
        [.. cardVerbs.Where(verb => !routed.Contains(verb)).Order(StringComparer.Ordinal)];
}
