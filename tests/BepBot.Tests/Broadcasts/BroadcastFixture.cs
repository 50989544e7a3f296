using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Broadcasts;

/// <summary>Helpers shared by the broadcast tests: compose through the cards like staff do, wait for the fan-out.</summary>
public static class BroadcastSteps
{
    public static async Task<BotResponse> PreviewAsync(TeamsClient teams, IDictionary<string, string> inputs)
    {
        var compose = (await teams.SayAsync(TeamsUser.Alex, "diffuser")).Card;
        return await teams.ClickAsync(TeamsUser.Alex, compose, "Prévisualiser", inputs);
    }

    public static async Task<(JsonObject Status, string BroadcastId)> SendAsync(TeamsClient teams, IDictionary<string, string> inputs)
    {
        var preview = await PreviewAsync(teams, inputs);
        preview.UpdatedCard.ShouldNotBeNull(preview.AllText);
        var draftId = (string)CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant")["data"]!["draftId"]!;
        var sent = await teams.ClickAsync(TeamsUser.Alex, preview.UpdatedCard!, "Envoyer maintenant");
        sent.UpdatedCard.ShouldNotBeNull(sent.AllText);
        return (sent.UpdatedCard!, draftId);
    }

    public static Dictionary<string, string> Inputs(string audience, string title = "Conférence du 12 mars", string message = "La **Conférence des Bourgmestres** aura lieu le 12 mars.") =>
        new() { ["title"] = title, ["message"] = message, ["audience"] = audience };

    public static async Task<Broadcast> WaitForStateAsync(BotApplication bot, string broadcastId, BroadcastState state, TimeSpan? timeout = null)
    {
        var store = bot.Services.GetRequiredService<BroadcastStore>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var broadcast = (await store.GetAsync(broadcastId))?.Value;
            if (broadcast?.State == state)
            {
                return broadcast;
            }

            if (DateTime.UtcNow > deadline)
            {
                var deliveries = await store.ListDeliveriesAsync(broadcastId);
                var statuses = string.Join(", ", deliveries.GroupBy(delivery => delivery.Status).Select(group => $"{group.Key}: {group.Count()}"));
                throw new ShouldAssertException($"Broadcast {broadcastId} is {broadcast?.State}, expected {state}; deliveries {statuses}; recipients {broadcast?.RecipientCount}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The delivery report as staff download it: « Exporter le rapport (CSV) », then the link; its lines without line ends.</summary>
    public static async Task<string[]> ReportLinesAsync(TeamsClient teams, string broadcastId)
    {
        var text = (await teams.InvokeAsync(TeamsUser.Alex, "broadcasts.report", new JsonObject { ["broadcastId"] = broadcastId })).AllText;
        var link = text[(text.IndexOf("](", StringComparison.Ordinal) + 2)..text.IndexOf(") (", StringComparison.Ordinal)];
        var csv = await teams.Http.GetStringAsync(new Uri(link).PathAndQuery);
        return [.. csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];
    }

    /// <summary>Why a delivery did not arrive, as a reader in <paramref name="locale"/> reads it.</summary>
    public static string ReasonOf(BotApplication bot, DeliveryRecord delivery, string locale = "fr-BE") =>
        bot.Services.GetRequiredService<DeliveryReasons>().Describe(delivery, System.Globalization.CultureInfo.GetCultureInfo(locale));

    public static async Task<Dictionary<string, DeliveryRecord>> DeliveriesAsync(BotApplication bot, string broadcastId) =>
        (await bot.Services.GetRequiredService<BroadcastStore>().ListDeliveriesAsync(broadcastId)).ToDictionary(delivery => delivery.RecipientName);

    /// <summary>A roster of <paramref name="count"/> officers who all opened BepBot (their conversations point at the connector).</summary>
    public static async Task<List<string>> SeedOfficersAsync(IDocumentStore store, string serviceUrl, int count)
    {
        var members = Enumerable.Range(1, count)
            .Select(i => new Member($"{i:00000000}-1111-2222-3333-444444444444", $"Agent {i:000}", $"agent{i:000}@commune.example", Role.Officer, "Ciney"))
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null))
            .ToList();
        await store.UpsertAsync(RosterDirectory.Key, new RosterDocument(members, false, DateTimeOffset.UtcNow, "test"));
        var conversations = new ConversationDirectory(store);
        var ids = new List<string>();
        foreach (var member in members.Where(member => member.Role == Role.Officer))
        {
            var id = "a:officer-" + member.AadObjectId;
            ids.Add(id);
            await conversations.SaveAsync(new SavedConversation(id, ConversationKind.Personal, TeamsClient.Tenant, serviceUrl, "msteams", TeamsClient.BotId, "BepBot", "29:" + member.AadObjectId, member.AadObjectId, null, "fr-BE", DateTimeOffset.UtcNow));
        }

        return ids;
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        Eventually.WaitUntilAsync(() => Task.FromResult(condition()), timeout, describe);

    /// <summary>The text of the author's (Alex's) status card as its last update left it, once it says « Terminée ».</summary>
    public static async Task<string> FinalStatusCardTextAsync(FakeTeamsConnector connector, string broadcastId)
    {
        var alex = TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Personal);
        await WaitUntilAsync(
            () => connector.Requests.Any(request => request.ConversationId == alex && request.Method == "PUT" && request.AllText.Contains("Terminée", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            () => "no final status update for " + broadcastId);
        return connector.Requests.Last(request => request.ConversationId == alex && request.Method == "PUT").AllText;
    }
}
