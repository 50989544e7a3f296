using System.Diagnostics;
using System.Globalization;
using BepBot.Chat;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>How fast the bot can hand messages to the Bot Connector through its one proactive sender, with Teams' pace lifted: the cost of a send itself.</summary>
public static class MessengerBenchmark
{
    private const int Messages = 1000;

    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync()
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Bot:ProactiveMessagesPerSecond"] = "100000",
        });
        var conversation = new SavedConversation("a:benchmark", ConversationKind.Personal, TeamsClient.Tenant, connector.ServiceUrl, "msteams", TeamsClient.BotId, "BepBot", "29:benchmark", "00000000-0000-0000-0000-000000000099", null, "fr-BE", DateTimeOffset.UtcNow);
        var sender = bot.Services.GetRequiredService<ProactiveSender>();
        await sender.SendAsync(conversation, new OutgoingMessage("échauffement"));
        var figures = new List<(string, string)> { ("messages per run", Messages.ToString(CultureInfo.InvariantCulture)) };
        foreach (var parallel in new[] { 1, 16 })
        {
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Messages),
                new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (i, token) => await sender.SendAsync(conversation, new OutgoingMessage("message " + i), token));
            figures.Add(($"sends/s, {parallel} in parallel", (Messages / clock.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture)));
        }

        return figures;
    }
}
