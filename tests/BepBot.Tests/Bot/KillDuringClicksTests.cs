using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Bot;

/// <summary>
/// The bot as a process of its own on a local folder store, killed with SIGKILL while 40 bourgmestres click at once,
/// then started again on the same folder, where Teams resends the clicks that got no answer.
/// </summary>
public sealed class KillDuringClicksTests : IDisposable
{
    private static readonly string[] Choices = [Ballot.ForId, Ballot.AgainstId, Ballot.AbstentionId];

    // Short, so that the claims the killed process held are free by the time the bot is back.
    private static readonly Dictionary<string, string> Settings = new() { ["Storage__ActivityClaimLease"] = "00:00:01" };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bepbot-kill-{Guid.NewGuid():N}");

    [Fact]
    public async Task KillMinus9_DuringConcurrentClicks_EveryDocumentReadableEveryAcknowledgedVoteKeptAndResendsCountedOnce()
    {
        var store = new LocalFolderDocumentStore(_folder);
        var bourgmestres = await SeedBourgmestresAsync(store, "http://127.0.0.1:9/");
        var ballot = Motion() with { State = BallotState.Open, LiveResults = true };
        await new BallotStore(store).CreateAsync(ballot);
        var clicks = bourgmestres.Keys.ToDictionary(commune => commune, _ => new CommuneClicks(), StringComparer.Ordinal);

        await using (var bot = await BotProcess.StartAsync(_folder, Settings))
        {
            using var teams = bot.CreateTeamsClient();
            using var stop = new CancellationTokenSource();
            var loops = bourgmestres.Select((pair, index) => Task.Run(() => ClickUntilTheBotDiesAsync(teams, pair.Value, pair.Key, index, ballot.Id, clicks[pair.Key], stop.Token))).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (clicks.Values.Sum(commune => commune.Acknowledged) < 120 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await bot.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(loops);
            clicks.Values.Sum(commune => commune.Acknowledged).ShouldBeGreaterThanOrEqualTo(40, bot.Output);
        }

        var unreadable = Directory.EnumerateFiles(_folder, "*.json", SearchOption.AllDirectories).Where(path => !IsJson(path)).ToList();
        var storedAfterKill = await new BallotStore(store).ListVotesAsync(ballot.Id);
        // What a write killed halfway leaves, whether or not this kill happened to leave one.
        var halfWritten = Directory.CreateDirectory(Path.Combine(_folder, "votes", ballot.Id, "votes")).FullName;
        await File.WriteAllTextAsync(Path.Combine(halfWritten, $".Namur.json.{Guid.NewGuid():N}.tmp"), """{ "commune": "Namur", "choiceIds": [ "po""");
        await File.WriteAllTextAsync(Path.Combine(_folder, "activities", $".{new string('f', 64)}.json.{Guid.NewGuid():N}.tmp"), """{ "type": "inv""");

        var resends = new List<(string Commune, BotResponse Response)>();
        BotResponse status;
        await using (var bot = await BotProcess.StartAsync(_folder, Settings))
        {
            using var teams = bot.CreateTeamsClient();
            await Task.Delay(TimeSpan.FromSeconds(1));
            foreach (var (commune, communeClicks) in clicks.Where(pair => pair.Value.InFlight is not null))
            {
                var (activityId, choice) = communeClicks.InFlight!.Value;
                resends.Add((commune, await VoteAsync(teams, bourgmestres[commune], ballot.Id, commune, choice, activityId)));
            }

            // Staff's follow-up card reads every vote of the ballot, the half-written files beside them.
            status = await teams.InvokeAsync(TeamsUser.Alex, "votes.status", new JsonObject { ["ballotId"] = ballot.Id });
            status.Status.ShouldBe(System.Net.HttpStatusCode.OK, bot.Output);
        }

        unreadable.ShouldBeEmpty();
        foreach (var vote in storedAfterKill)
        {
            var commune = clicks[vote.Commune];
            // Acknowledged, or the click in flight when the process died.
            vote.ChoiceIds.ShouldHaveSingleItem().ShouldBeOneOf([.. new[] { commune.LastAcknowledged, commune.InFlight?.Choice }.OfType<string>()]);
        }

        clicks.Where(pair => pair.Value.LastAcknowledged is not null).Select(pair => pair.Key).ShouldBeSubsetOf(storedAfterKill.Select(vote => vote.Commune));
        clicks.Values.SelectMany(commune => commune.Unexpected).ShouldBeEmpty();
        resends.Where(resend => !AcknowledgesOrAlreadyDone(resend.Response, clicks[resend.Commune].InFlight!.Value.Choice)).Select(resend => resend.Response.AllText).ShouldBeEmpty();
        var stored = await new BallotStore(store).ListVotesAsync(ballot.Id);
        (await store.ListKeysAsync(string.Empty).ToListAsync()).ShouldAllBe(key => !key.Contains(".tmp", StringComparison.Ordinal));
        foreach (var vote in stored)
        {
            // Every click of the commune counted once: the last one is what is stored, and each changed it once.
            var commune = clicks[vote.Commune];
            vote.ChoiceIds.ShouldBe([commune.InFlight?.Choice ?? commune.LastAcknowledged!], vote.Commune);
            vote.Revision.ShouldBe(commune.Sent, vote.Commune);
        }

        stored.Count.ShouldBe(clicks.Values.Count(commune => commune.Sent > 0));
        status.AllText.ShouldContain(stored.Count > 1 ? $"{stored.Count} communes sur 40" : $"{stored.Count} commune sur 40");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Clicks Pour, Contre, Abstention in turn (each click changes the vote) until the bot stops answering.</summary>
    private static async Task ClickUntilTheBotDiesAsync(TeamsClient teams, TeamsUser user, string commune, int index, string ballotId, CommuneClicks clicks, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var choice = Choices[(index + round) % Choices.Length];
            var activityId = $"kill-{index:00}-{round:000}";
            clicks.InFlight = (activityId, choice);
            clicks.Sent++;
            BotResponse response;
            try
            {
                response = await VoteAsync(teams, user, ballotId, commune, choice, activityId);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return;
            }

            if (!Acknowledges(response, choice))
            {
                clicks.Unexpected.Add($"{commune} {activityId}: {response.Status} {response.AllText}");
                return;
            }

            clicks.LastAcknowledged = choice;
            clicks.InFlight = null;
            clicks.Acknowledged++;
        }
    }

    private static bool Acknowledges(BotResponse response, string choice) =>
        response.UpdatedCard is { } card && CardReader.AllText(card).Contains(Fr($"Vous avez voté : {Label(choice)}"), StringComparison.Ordinal);

    private static bool AcknowledgesOrAlreadyDone(BotResponse response, string choice) =>
        Acknowledges(response, choice) || response.AllText == "Cette action a déjà été prise en compte.";

    private static string Label(string choice) => choice switch
    {
        Ballot.ForId => "Pour",
        Ballot.AgainstId => "Contre",
        _ => "Abstention",
    };

    private static bool IsJson(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One commune's clicks, written by its own loop only.</summary>
    private sealed class CommuneClicks
    {
        public int Sent { get; set; }

        public int Acknowledged { get; set; }

        public string? LastAcknowledged { get; set; }

        public (string ActivityId, string Choice)? InFlight { get; set; }

        public ConcurrentBag<string> Unexpected { get; } = [];
    }
}
