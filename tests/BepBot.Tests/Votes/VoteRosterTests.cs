using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Votes;

/// <summary>The votes with a full roster: 40 bourgmestres, one per commune, all of whom opened BepBot.</summary>
public sealed class VoteRosterTests : IAsyncLifetime
{
    private readonly BotApplication _bot = new(settings: new Dictionary<string, string?>
    {
        ["Votes:CloseSettle"] = "00:00:00",
        ["Votes:ReminderBeforeClose"] = "01:00:00",
    });

    private FakeTeamsConnector _connector = null!;
    private TeamsClient _teams = null!;
    private Dictionary<string, TeamsUser> _bourgmestres = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        _teams = _bot.CreateTeamsClient(_connector.ServiceUrl);
        _bourgmestres = await SeedBourgmestresAsync(_bot.Store, _connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        _teams.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AllFortyBourgmestres_VoteAtTheSameMoment_TallyIsExact()
    {
        var ballot = await OpenAsync(_bot, Motion());
        string[] choices = ["pour", "contre", "abstention"];
        using var start = new SemaphoreSlim(0);

        var votes = _bourgmestres.Select(async (pair, index) =>
        {
            await start.WaitAsync();
            return await VoteAsync(_teams, pair.Value, ballot.Id, pair.Key, choices[index % 3]);
        }).ToList();
        start.Release(votes.Count);
        var responses = await Task.WhenAll(votes);

        responses.ShouldAllBe(response => response.UpdatedCard != null && CardReader.AllText(response.UpdatedCard).Contains("Vous avez voté", StringComparison.Ordinal));
        (await _bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).Count.ShouldBe(40);
        var closed = await _teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        closed.UpdatedCard.ShouldNotBeNull(closed.AllText);
        var result = (await GetAsync(_bot, ballot.Id)).Result!;
        result.Participants.ShouldBe(40);
        result.Counts["pour"].ShouldBe(14);
        result.Counts["contre"].ShouldBe(13);
        result.Counts["abstention"].ShouldBe(13);
        result.Outcome.ShouldBe(BallotOutcome.Adopted);
        var audit = await SealedAuditAsync(_bot, ballot.Id);
        audit.Count(entry => entry.Kind == "vote-cast").ShouldBe(40);
        audit.Select(entry => entry.Sequence).ShouldBe(Enumerable.Range(1, audit.Count));
        (await _bot.Services.GetRequiredService<AuditLog>().VerifyAsync(ballot.Id)).FirstBroken.ShouldBeNull();
    }

    [Fact]
    public async Task SecretBallot_FortyConcurrentVotes_OnePaperPerCommuneAndExactTally()
    {
        var ballot = await OpenAsync(_bot, Motion() with { Secret = true });

        var responses = await Task.WhenAll(_bourgmestres.Select((pair, index) => VoteAsync(_teams, pair.Value, ballot.Id, pair.Key, index < 30 ? "pour" : "contre")));
        // The same forty again: a secret vote is final, nothing is added.
        await Task.WhenAll(_bourgmestres.Select(pair => VoteAsync(_teams, pair.Value, ballot.Id, pair.Key, "contre")));

        responses.ShouldAllBe(response => response.UpdatedCard != null);
        (await _bot.KeysAsync($"votes/{ballot.Id}/participation/")).Count.ShouldBe(40);
        await _teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var result = (await GetAsync(_bot, ballot.Id)).Result!;
        result.Counts["pour"].ShouldBe(30);
        result.Counts["contre"].ShouldBe(10);
    }

    [Fact]
    public async Task AutoClose_TwoSchedulerRunsAtOnce_ClosesCountsAndAnnouncesExactlyOnce()
    {
        var now = _bot.Clock.GetUtcNow();
        var ballot = await OpenAsync(_bot, Motion() with { ClosesAt = now.AddMinutes(10) });
        await VoteAsync(_teams, _bourgmestres["Namur"], ballot.Id, "Namur", "pour");
        await VoteAsync(_teams, _bourgmestres["Gesves"], ballot.Id, "Gesves", "contre");
        var jobs = _bot.Services.GetRequiredService<JobBook>();
        var runner = _bot.Services.GetRequiredService<JobRunner>();

        _bot.Clock.Offset = TimeSpan.FromMinutes(11);
        // Two instances' passes at once, besides the bot's own scheduler service: one of them claims the close.
        await Task.WhenAll(runner.RunDueJobsAsync("instance-a"), runner.RunDueJobsAsync("instance-b"));
        await WaitForJobAsync(jobs, BallotLifecycle.CloseJobId(ballot.Id));
        await Task.WhenAll(runner.RunDueJobsAsync("instance-a"), runner.RunDueJobsAsync("instance-b"));

        var closed = await GetAsync(_bot, ballot.Id);
        closed.State.ShouldBe(BallotState.Closed);
        closed.Result!.Participants.ShouldBe(2);
        (await jobs.GetAsync(BallotLifecycle.CloseJobId(ballot.Id)))!.State.ShouldBe(JobState.Done);
        var audit = await SealedAuditAsync(_bot, ballot.Id);
        audit.Count(entry => entry.Kind == "closed").ShouldBe(1);
        audit.Count(entry => entry.Kind == "result").ShouldBe(1);
        audit.Single(entry => entry.Kind == "closed").Actor.ShouldBe("BepBot");
        var results = await WaitForResultBroadcastAsync(ballot.Id);
        results.RecipientCount.ShouldBe(41);
        CardsTo(_connector, _bourgmestres["Namur"]).Count(request => request.AllText.Contains("Résultat du vote", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ScheduledBallot_OpensAtItsTimeThenRemindsOnlyNonVotersBeforeTheClose()
    {
        var now = _bot.Clock.GetUtcNow();
        var lifecycle = _bot.Services.GetRequiredService<BallotLifecycle>();
        var ballot = Motion() with { OpensAt = now.AddMinutes(30), ClosesAt = now.AddHours(3), CreatedAt = now };
        await lifecycle.CreateAsync(ballot, CancellationToken.None);
        var early = await VoteAsync(_teams, _bourgmestres["Namur"], ballot.Id, "Namur", "pour");

        _bot.Clock.Offset = TimeSpan.FromMinutes(31);
        await WaitForCardAsync(_connector, _bourgmestres["Namur"], ballot.Question);
        await VoteAsync(_teams, _bourgmestres["Namur"], ballot.Id, "Namur", "pour");
        await VoteAsync(_teams, _bourgmestres["Ciney"], ballot.Id, "Ciney", "contre");
        _bot.Clock.Offset = TimeSpan.FromMinutes(121);
        await WaitForCardAsync(_connector, _bourgmestres["Gesves"], Fr("Rappel : votre commune n'a pas encore voté"));
        var reminders = await WaitForReminderBroadcastAsync(ballot.Id);

        early.AllText.ShouldContain("pas encore ouvert");
        reminders.RecipientCount.ShouldBe(38);
        CardsTo(_connector, _bourgmestres["Namur"]).ShouldNotContain(request => request.AllText.Contains("Rappel", StringComparison.Ordinal));
        CardsTo(_connector, _bourgmestres["Ciney"]).ShouldNotContain(request => request.AllText.Contains("Rappel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TamperedAuditEntry_IsReportedByNumber()
    {
        var ballot = await OpenAsync(_bot, Motion());
        await VoteAsync(_teams, _bourgmestres["Namur"], ballot.Id, "Namur", "pour");
        await VoteAsync(_teams, _bourgmestres["Dinant"], ballot.Id, "Dinant", "contre");
        await VoteAsync(_teams, _bourgmestres["Couvin"], ballot.Id, "Couvin", "pour");
        var entries = await SealedAuditAsync(_bot, ballot.Id);
        var intact = await _teams.SayAsync(TeamsUser.Alex, "vérifier " + ballot.Id);

        var third = entries.Single(entry => entry.Sequence == 4);
        await _bot.Store.UpsertAsync(AuditLog.ChainKey(ballot.Id, 4), third with { Detail = "Pour" });
        var tampered = await _teams.SayAsync(TeamsUser.Alex, "verifier " + ballot.Id);
        var byBourgmestre = await _teams.SayAsync(_bourgmestres["Namur"], "vérifier " + ballot.Id);

        intact.AllText.ShouldContain(Fr($"intact : {entries.Count} entrées"));
        tampered.AllText.ShouldContain("l'entrée n° 4 ne correspond plus à la chaîne");
        byBourgmestre.AllText.ShouldNotContain("intact");
    }

    [Fact]
    public async Task Verify_LastEntryTamperedOrRemoved_IsReported()
    {
        var ballot = await OpenAsync(_bot, Motion());
        await VoteAsync(_teams, _bourgmestres["Namur"], ballot.Id, "Namur", "pour");
        var entries = await SealedAuditAsync(_bot, ballot.Id);
        var audit = _bot.Services.GetRequiredService<AuditLog>();

        await _bot.Store.UpsertAsync(AuditLog.ChainKey(ballot.Id, entries.Count), entries[^1] with { Actor = "Quelqu'un d'autre" });
        var lastChanged = await audit.VerifyAsync(ballot.Id);
        await _bot.Store.DeleteAsync(AuditLog.ChainKey(ballot.Id, entries.Count));
        var lastRemoved = await audit.VerifyAsync(ballot.Id);

        lastChanged.FirstBroken.ShouldBe(entries.Count);
        lastRemoved.FirstBroken.ShouldNotBeNull();
    }

    [Fact]
    public async Task AuditExport_CsvCarriesEachEntryAndItsHash()
    {
        var ballot = await OpenAsync(_bot, Motion() with { Secret = true });
        await VoteAsync(_teams, _bourgmestres["Namur"], ballot.Id, "Namur", "contre");

        var export = await _teams.InvokeAsync(TeamsUser.Alex, "votes.exportaudit", new JsonObject { ["ballotId"] = ballot.Id });
        var refused = await _teams.InvokeAsync(_bourgmestres["Namur"], "votes.exportaudit", new JsonObject { ["ballotId"] = ballot.Id });

        var text = export.AllText;
        var link = text[(text.IndexOf("](", StringComparison.Ordinal) + 2)..text.IndexOf(") (", StringComparison.Ordinal)];
        var lines = (await _teams.Http.GetStringAsync(new Uri(link).PathAndQuery)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim().ShouldBe("sequence,evenement,horodatage,acteur,commune,detail,hash_precedent,hash");
        lines.Length.ShouldBe(1 + 3);
        lines[3].ShouldStartWith("3,vote-cast,");
        lines[3].ShouldContain(",Namur,,");
        lines[3].ShouldNotContain("Contre");
        lines[2].Split(',')[^1].Trim().ShouldBe(lines[3].Split(',')[^2]);
        refused.AllText.ShouldNotContain("journal d'audit du vote");
    }

    private static async Task WaitForJobAsync(JobBook jobs, string jobId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await jobs.GetAsync(jobId))?.State is not JobState.Done)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Job {jobId} is {(await jobs.GetAsync(jobId))?.State}, expected Done.");
            }

            await Task.Delay(50);
        }
    }

    private Task<Broadcast> WaitForResultBroadcastAsync(string ballotId) => BepBot.Tests.Broadcasts.BroadcastSteps.WaitForStateAsync(_bot, "vr" + ballotId, BroadcastState.Completed, TimeSpan.FromSeconds(90));

    private Task<Broadcast> WaitForReminderBroadcastAsync(string ballotId) => BepBot.Tests.Broadcasts.BroadcastSteps.WaitForStateAsync(_bot, "vm" + ballotId + "auto", BroadcastState.Completed, TimeSpan.FromSeconds(90));
}
