using System.Diagnostics;
using BepBot.Chat;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

public static class MessengerProbe
{
    public static async Task RunAsync()
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        var conversation = new SavedConversation("a:probe", ConversationKind.Personal, TeamsClient.Tenant, connector.ServiceUrl, "msteams", TeamsClient.BotId, "BepBot", "29:x", "00000000-0000-0000-0000-000000000099", null, "fr-BE", DateTimeOffset.UtcNow);
        var messenger = bot.Services.GetRequiredService<IProactiveMessenger>();
        await messenger.SendAsync(conversation, new OutgoingMessage("warm"));
        foreach (var parallel in new[] { 1, 16 })
        {
            var sw = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, token) => await messenger.SendAsync(conversation, new OutgoingMessage("x" + i), token));
            Console.WriteLine($"messenger parallel={parallel}: {200 / sw.Elapsed.TotalSeconds:F1}/s");
        }
        var store = bot.Store;
        var sw2 = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) => await store.UpsertAsync("probe/" + i, BinaryData.FromString("{\"a\":1}"), token));
        Console.WriteLine($"store upsert parallel=16: {400 / sw2.Elapsed.TotalSeconds:F1}/s");
    }
}
