using System.Diagnostics;
using System.Globalization;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using BepBot.Tests.Votes;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Benchmarks;

/// <summary>
/// A day with a card update in it, against a fake Teams connector that allows L requests per second (posts and updates
/// together) and answers 429 (Retry-After: 1) beyond it, like Teams' per-bot limit. A ballot opens for N communes (one
/// bourgmestre each): its card goes out to N people. When half of them have it, the ballot is closed while the other
/// cards are still going out: the cards already sent are updated in place (PUT), the result goes to all N, and the
/// ballot cards not yet sent are no longer sent. Prints the pace of the ballot cards alone (the plain broadcast), then
/// of every post and update together, and the mistakes: a card posted twice, a card updated twice, a recipient
/// without the result, a card left showing the open ballot.
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
            ["Votes:CloseSettle"] = "00:00:00",
            ["Storage:Provider"] = store,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
        });

        Console.WriteLine($"Seeding {recipients} communes, their bourgmestres and their conversations…");
        var communes = Enumerable.Range(1, recipients).Select(i => $"Commune {i:00000}").ToList();
        var conversations = await SeedBourgmestresAsync(bot, connector.ServiceUrl, communes);

        Console.WriteLine("Opening the ballot: its card goes out…");
        var clock = Stopwatch.StartNew();
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion("Benchmark : approuvez-vous la proposition ?") with { Communes = communes });
        var deadline = TimeSpan.FromSeconds(recipients / 10.0 + 300);
        while (BallotCards(connector.Delivered).Count < recipients / 2)
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Half of the ballot cards were not sent within {deadline}.");
            }

            await Task.Delay(50);
        }

        var closedAfter = clock.Elapsed;
        Console.WriteLine($"Closing the ballot after {closedAfter.TotalSeconds:F1} s, while its cards are still going out…");
        await bot.Services.GetRequiredService<BallotLifecycle>().CloseAsync(ballot.Id, "Alex Wilber", closedBy: null, CancellationToken.None);
        var broadcasts = bot.Services.GetRequiredService<BroadcastStore>();
        var update = await broadcasts.ListAsync().FirstAsync(broadcast => broadcast.Updates?.Subject == CurrentBallotCard.SubjectOf(ballot.Id));
        foreach (var id in new[] { "vb" + ballot.Id, "vr" + ballot.Id, update.Id })
        {
            await WaitForStateAsync(bot, id, BroadcastState.Completed, deadline - clock.Elapsed);
        }

        clock.Stop();
        return Figures(connector, conversations, recipients, limitPerSecond, store, clock.Elapsed, closedAfter);
    }

    private static List<(string Name, string Value)> Figures(FakeTeamsConnector connector, IReadOnlyList<string> conversations, int recipients, int limitPerSecond, string store, TimeSpan total, TimeSpan closedAfter)
    {
        var requests = connector.Requests.Where(request => request.ConversationId.StartsWith(MayorConversationPrefix, StringComparison.Ordinal)).ToList();
        var accepted = requests.Where(request => request.Status is >= 200 and < 300).ToList();
        var posted = accepted.Where(request => request.Method == "POST").ToList();
        var ballotCards = BallotCards(posted);
        var results = posted.Where(request => request.AllText.Contains("Résultat du vote", StringComparison.Ordinal)).ToList();
        var updates = accepted.Where(request => request.Method == "PUT").ToList();

        var cardsPerRecipient = ballotCards.GroupBy(request => request.ConversationId).ToDictionary(group => group.Key, group => group.Count());
        var resultsPerRecipient = results.GroupBy(request => request.ConversationId).ToDictionary(group => group.Key, group => group.Count());
        var updatesPerCard = updates.GroupBy(request => request.Path[(request.Path.LastIndexOf('/') + 1)..]).ToDictionary(group => group.Key, group => group.ToList());

        // What each ballot card shows in the end: its last accepted update, or the card as posted.
        var leftOpen = ballotCards.Count(card => ShowsOpenBallot(updatesPerCard.TryGetValue(card.ActivityId!, out var puts) ? puts.MaxBy(put => put.At)! : card));
        var updatesOfNoCard = updatesPerCard.Keys.Count(activityId => !ballotCards.Any(card => card.ActivityId == activityId));

        return
        [
            ("recipients", $"{recipients} bourgmestres of {recipients} synthetic communes, one ballot"),
            ("store and queue", store == "Blob" ? "Azurite 3.35 (blob + queue + table), in memory" : "local folder store + durable local folder queue (the embedded default)"),
            ("connector limit", $"{limitPerSecond} requests/s, posts and updates together; 429 with Retry-After: 1 beyond it"),
            ("scenario", "the ballot opens (card to everyone); closed when half the cards are out: the sent cards are updated (PUT), the result goes to everyone, the unsent ballot cards are dropped"),
            ("total time (opening to the three broadcasts completed)", $"{total.TotalSeconds:F1} s"),
            ("**plain broadcast** (ballot cards, before the close)", $"{ballotCards.Count} cards in {closedAfter.TotalSeconds:F1} s"),
            ("ballot cards/s (first to last card)", Rate(ballotCards).ToString("F1", CultureInfo.InvariantCulture)),
            ("ratio to the limit (ballot cards)", $"{Rate(ballotCards) / limitPerSecond:P1}"),
            ("**with the update** (every request, first to last accepted)", $"{accepted.Count} requests in {Window(accepted).TotalSeconds:F1} s"),
            ("posts accepted (ballot cards + results)", $"{posted.Count} ({ballotCards.Count} + {results.Count})"),
            ("updates accepted (PUT)", updates.Count.ToString(CultureInfo.InvariantCulture)),
            ("posts/s, updates/s while the update ran (first to last PUT)", UpdatePhase(accepted, updates)),
            ("requests/s delivered, posts and updates together", Rate(accepted).ToString("F1", CultureInfo.InvariantCulture)),
            ("ratio to the limit", $"{Rate(accepted) / limitPerSecond:P1}"),
            ("429 answers", requests.Count(request => request.Status == 429).ToString(CultureInfo.InvariantCulture)),
            ("ballot cards posted twice to one recipient", cardsPerRecipient.Values.Sum(count => count - 1).ToString(CultureInfo.InvariantCulture)),
            ("results posted twice to one recipient", resultsPerRecipient.Values.Sum(count => count - 1).ToString(CultureInfo.InvariantCulture)),
            ("cards updated twice", updatesPerCard.Values.Sum(puts => puts.Count - 1).ToString(CultureInfo.InvariantCulture)),
            ("updates of a card never sent", updatesOfNoCard.ToString(CultureInfo.InvariantCulture)),
            ("recipients without the result", conversations.Count(conversation => !resultsPerRecipient.ContainsKey(conversation)).ToString(CultureInfo.InvariantCulture)),
            ("cards left showing the open ballot", leftOpen.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>The figures of <see cref="RunAsync"/> that count mistakes: each must be 0.</summary>
    public static readonly string[] MustBeZero =
    [
        "ballot cards posted twice to one recipient",
        "results posted twice to one recipient",
        "cards updated twice",
        "updates of a card never sent",
        "recipients without the result",
        "cards left showing the open ballot",
    ];

    private const string MayorConversationPrefix = "a:mayor-";

    private static List<ConnectorRequest> BallotCards(IEnumerable<ConnectorRequest> posted) =>
        [.. posted.Where(request => request.ConversationId.StartsWith(MayorConversationPrefix, StringComparison.Ordinal) && request.AllText.Contains("Vote ouvert", StringComparison.Ordinal))];

    private static bool ShowsOpenBallot(ConnectorRequest request) => request.Activity.ToJsonString().Contains("votes.cast", StringComparison.Ordinal);

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

    /// <summary>One bourgmestre per commune, each with a personal conversation that points at the connector.</summary>
    private static async Task<List<string>> SeedBourgmestresAsync(BotApplication bot, string serviceUrl, IReadOnlyList<string> communes)
    {
        var members = communes.Select((commune, i) => new Member($"{i + 1:00000000}-b0b0-4000-8000-000000000000", "Bourgmestre de " + commune, $"b{i}@commune.example", Role.Bourgmestre, commune))
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null))
            .ToList();
        await bot.Services.GetRequiredService<RosterDirectory>().ReplaceAllAsync(members, isDemo: false, "benchmark");
        var directory = bot.Services.GetRequiredService<ConversationDirectory>();
        var ids = new List<string>();
        foreach (var member in members.Where(member => member.Role == Role.Bourgmestre))
        {
            var id = MayorConversationPrefix + member.AadObjectId;
            ids.Add(id);
            await directory.SaveAsync(new SavedConversation(id, ConversationKind.Personal, TeamsClient.Tenant, serviceUrl, "msteams", TeamsClient.BotId, "BepBot", "29:" + member.AadObjectId, member.AadObjectId, null, "fr-BE", DateTimeOffset.UtcNow));
        }

        return ids;
    }
}
