using System.Diagnostics;
using System.Globalization;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Benchmarks;

/// <summary>
/// A broadcast whose cards are updated while it is still going out, against a fake Teams connector that allows L
/// requests per second (posts and updates together) and answers 429 (Retry-After: 1) beyond it, like Teams' per-bot
/// limit. A card about a subject that can close (a seminar's « S'inscrire », a ballot's « Voter ») goes to N officers;
/// when half of them have it, the subject closes and its cards are updated: the cards already sent are replaced in
/// place (PUT), the ones still to go out show it closed. Prints the pace of the posts alone (the plain broadcast) and of
/// posts and updates together, and the mistakes: a card posted twice, a card updated twice, a recipient without a card,
/// a card left showing the subject open.
/// </summary>
public static class BroadcastBenchmark
{
    /// <param name="store">LocalFolder (the embedded default: local store and durable local queue) or Blob (Azurite's blob and queue services).</param>
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int recipients, int limitPerSecond, string store)
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        connector.RequestsPerSecondLimit = limitPerSecond;
        connector.RetryAfterSeconds = 1;
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scheduling:PollInterval"] = "00:00:00.500",
            ["Broadcasts:StatusRefreshInterval"] = "00:00:03",
            ["Storage:Provider"] = store,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
        }).WithServices(services => services.AddBroadcastContent<BenchmarkCardContent>());

        Console.WriteLine($"Seeding {recipients} officers and their conversations…");
        var conversations = await SeedOfficersAsync(bot.Store, connector.ServiceUrl, recipients);
        var subjectId = BroadcastStore.NewId();
        await bot.Store.UpsertAsync(BenchmarkCardContent.KeyOf(subjectId), new BenchmarkCardContent.Subject("Séminaire du 12 mars", Open: true));
        var broadcasts = bot.Services.GetRequiredService<BroadcastStore>();
        var id = BroadcastStore.NewId();
        var now = DateTimeOffset.UtcNow;
        await broadcasts.CreateAsync(new Broadcast(id, "Benchmark", string.Empty, new Audience(AudienceKind.AllOfficers), TeamsUser.Alex.AadObjectId, "Alex Wilber", now, null, BroadcastState.Scheduled, Content: new BroadcastContent(BenchmarkCardContent.ContentKind, subjectId)));

        Console.WriteLine("Broadcasting…");
        var clock = Stopwatch.StartNew();
        await bot.Services.GetRequiredService<JobBook>().ScheduleAsync(LaunchBroadcastJob.JobKind, LaunchBroadcastJob.JobIdOf(id), now, id);
        var deadline = TimeSpan.FromSeconds(recipients / 10.0 + 300);
        while (connector.Delivered.Count(request => request.ConversationId.StartsWith(OfficerConversationPrefix, StringComparison.Ordinal)) < recipients / 2)
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Half of the cards were not sent within {deadline}.");
            }

            await Task.Delay(50);
        }

        var closedAfter = clock.Elapsed;
        Console.WriteLine($"Closing the subject after {closedAfter.TotalSeconds:F1} s, while its cards are still going out…");
        await bot.Store.UpsertAsync(BenchmarkCardContent.KeyOf(subjectId), new BenchmarkCardContent.Subject("Séminaire du 12 mars", Open: false));
        var update = await bot.Services.GetRequiredService<CardUpdates>().StartAsync(
            new CardUpdateRequest(BenchmarkCardContent.SubjectOfId(subjectId), "Séminaire du 12 mars", "benchmark-closed:" + subjectId));
        await WaitForStateAsync(bot, id, BroadcastState.Completed, deadline - clock.Elapsed);
        await WaitForStateAsync(bot, update.Id, BroadcastState.Completed, deadline - clock.Elapsed);
        clock.Stop();
        return Figures(connector, conversations, recipients, limitPerSecond, store, clock.Elapsed, closedAfter);
    }

    private static List<(string Name, string Value)> Figures(FakeTeamsConnector connector, IReadOnlyList<string> conversations, int recipients, int limitPerSecond, string store, TimeSpan total, TimeSpan closedAfter)
    {
        var requests = connector.Requests.Where(request => request.ConversationId.StartsWith(OfficerConversationPrefix, StringComparison.Ordinal)).ToList();
        var accepted = requests.Where(request => request.Status is >= 200 and < 300).ToList();
        var posted = accepted.Where(request => request.Method == "POST").ToList();
        var updates = accepted.Where(request => request.Method == "PUT").ToList();
        var cardsPerRecipient = posted.GroupBy(request => request.ConversationId).ToDictionary(group => group.Key, group => group.Count());
        var updatesPerCard = updates.GroupBy(request => request.Path[(request.Path.LastIndexOf('/') + 1)..]).ToDictionary(group => group.Key, group => group.ToList());

        // What each card shows in the end: its last accepted update, or the card as posted.
        var leftOpen = posted.Count(card => ShowsOpen(updatesPerCard.TryGetValue(card.ActivityId!, out var puts) ? puts.MaxBy(put => put.At)! : card));
        var sentIds = posted.Select(card => card.ActivityId).ToHashSet(StringComparer.Ordinal);
        var closedAt = posted.Min(request => request.At) + closedAfter;
        var beforeClose = posted.Where(request => request.At <= closedAt).ToList();

        return
        [
            ("recipients", recipients.ToString(CultureInfo.InvariantCulture)),
            ("store and queue", store == "Blob" ? "Azurite 3.35 (blob + queue + table), in memory" : "local folder store + durable local folder queue (the embedded default)"),
            ("connector limit", $"{limitPerSecond} requests/s, posts and updates together; 429 with Retry-After: 1 beyond it"),
            ("scenario", "a card about a subject to everyone; when half are out the subject closes: the cards sent are updated in place (PUT), the rest go out closed"),
            ("total time (launch to broadcast and update completed)", $"{total.TotalSeconds:F1} s"),
            ("plain broadcast: cards posted", $"{posted.Count} in {Window(posted).TotalSeconds:F1} s (first to last)"),
            ("plain broadcast: messages/s delivered", Rate(posted).ToString("F1", CultureInfo.InvariantCulture)),
            ("plain broadcast: ratio to the limit", $"{Rate(posted) / limitPerSecond:P1}"),
            ("posts/s before the subject closed", Rate(beforeClose).ToString("F1", CultureInfo.InvariantCulture)),
            ("cards updated in place (PUT)", updates.Count.ToString(CultureInfo.InvariantCulture)),
            ("while the update ran (first to last PUT): posts/s + updates/s", UpdatePhase(accepted, updates)),
            ("with the update: requests accepted", $"{accepted.Count} in {Window(accepted).TotalSeconds:F1} s (first to last)"),
            ("with the update: requests/s, posts and updates together", Rate(accepted).ToString("F1", CultureInfo.InvariantCulture)),
            ("with the update: ratio to the limit", $"{Rate(accepted) / limitPerSecond:P1}"),
            ("429 answers", requests.Count(request => request.Status == 429).ToString(CultureInfo.InvariantCulture)),
            ("duplicates", cardsPerRecipient.Values.Sum(count => count - 1).ToString(CultureInfo.InvariantCulture)),
            ("losses", conversations.Count(conversation => !cardsPerRecipient.ContainsKey(conversation)).ToString(CultureInfo.InvariantCulture)),
            ("cards updated twice", updatesPerCard.Values.Sum(puts => puts.Count - 1).ToString(CultureInfo.InvariantCulture)),
            ("updates of a card never sent", updatesPerCard.Keys.Count(activityId => !sentIds.Contains(activityId)).ToString(CultureInfo.InvariantCulture)),
            ("cards left showing the subject open", leftOpen.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>The figures of <see cref="RunAsync"/> that count mistakes: each must be 0.</summary>
    public static readonly string[] MustBeZero = ["duplicates", "losses", "cards updated twice", "updates of a card never sent", "cards left showing the subject open"];

    private const string OfficerConversationPrefix = "a:officer-";

    private static bool ShowsOpen(ConnectorRequest request) => request.Activity.ToJsonString().Contains(BenchmarkCardContent.OpenVerb, StringComparison.Ordinal);

    private static TimeSpan Window(List<ConnectorRequest> requests) =>
        requests.Count < 2 ? TimeSpan.Zero : requests.Max(request => request.At) - requests.Min(request => request.At);

    private static double Rate(List<ConnectorRequest> requests) =>
        requests.Count < 2 ? 0 : (requests.Count - 1) / Window(requests).TotalSeconds;

    private static string UpdatePhase(List<ConnectorRequest> accepted, List<ConnectorRequest> updates)
    {
        if (updates.Count < 2)
        {
            return "-";
        }

        var (from, to) = (updates.Min(put => put.At), updates.Max(put => put.At));
        var seconds = (to - from).TotalSeconds;
        var posts = accepted.Count(request => request.Method == "POST" && request.At >= from && request.At <= to);
        return string.Create(CultureInfo.InvariantCulture, $"{posts / seconds:F1} + {updates.Count / seconds:F1} = {(posts + updates.Count) / seconds:F1}");
    }
}
