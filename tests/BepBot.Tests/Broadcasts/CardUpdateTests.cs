using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>
/// The ballot cards sent earlier are updated in place when the ballot closes or a procuration changes who votes:
/// through the delivery engine, once per card, 429-aware, with gone conversations recorded and counted in the report.
/// Megan (Namur), Adele (Dinant) and Isaiah (Couvin, in English) are bourgmestres; Alex (staff) creates the ballots.
/// </summary>
public sealed class CardUpdateTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele],
    inEnglish: [TeamsUser.Isaiah],
    // No reminder before a close a week ahead: each test knows exactly which cards went out.
    settings: new Dictionary<string, string?> { ["Votes:CloseSettle"] = "00:00:00", ["Votes:ReminderBeforeClose"] = "30.00:00:00" })
{
    private static string Personal(TeamsUser user) => TeamsClient.ConversationIdFor(user, ConversationType.Personal);

    [Fact]
    public async Task Close_ByStaff_EachBallotCardUpdatedOnceClosedWithoutVoteButtonsAndStaffToldHowMany()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var cards = await SentCardsAsync("vb" + ballot.Id, 3);
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var update = await WaitForUpdateAsync(CurrentBallotCard.SubjectOf(ballot.Id));

        foreach (var (name, activityId) in cards)
        {
            var put = Connector.UpdatesOf(activityId).ShouldHaveSingleItem($"{name}'s card");
            put.AllText.ShouldContain(name == "Isaiah Langer" ? "Result of the vote" : "Résultat du vote");
            put.AllText.ShouldContain("✅ Adopt");
            put.Activity.ToJsonString().ShouldNotContain("votes.cast");
        }

        update.AuthorAadObjectId.ShouldBe(TeamsUser.Alex.AadObjectId);
        await WaitUntilAsync(
            () => Connector.Delivered.Any(request => request.ConversationId == Personal(TeamsUser.Alex) && request.AllText.Contains(Fr("» : 3 cartes mises à jour."), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "Alex was not told how many cards were updated");
        Connector.Delivered.ShouldContain(request => request.ConversationId == Personal(TeamsUser.Alex) && request.AllText.Contains(Fr("Mise à jour des cartes : ") + ballot.Question, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_AtItsTimeAWeekAfterTheCards_ThrottledCardRetriedGoneOneRecordedAndRetriedCloseUpdatesOnce()
    {
        var ballot = await OpenAsync(Bot, Motion() with { ClosesAt = Bot.Clock.GetUtcNow().AddDays(7) });
        var cards = await SentCardsAsync("vb" + ballot.Id, 3);
        Connector.RetryAfterSeconds = 1;
        Connector.ScriptUpdates(Personal(TeamsUser.Megan), 429);
        Connector.ScriptUpdates(Personal(TeamsUser.Adele), 404);

        Bot.Clock.Offset = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1);
        var update = await WaitForUpdateAsync(CurrentBallotCard.SubjectOf(ballot.Id), TimeSpan.FromSeconds(60));

        var megan = Connector.UpdatesOf(cards["Megan Bowen"]);
        megan.Select(request => request.Status).ShouldBe([429, 200]);
        (megan[1].At - megan[0].At).ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9), "the retry waits for Teams' Retry-After");
        megan[1].AllText.ShouldContain("Résultat du vote");
        Connector.UpdatesOf(cards["Adele Vance"]).ShouldHaveSingleItem().Status.ShouldBe(404);
        Connector.UpdatesOf(cards["Isaiah Langer"]).ShouldHaveSingleItem().AllText.ShouldContain("Result of the vote");
        var deliveries = await DeliveriesAsync(Bot, update.Id);
        deliveries["Adele Vance"].Status.ShouldBe(DeliveryStatus.Unreachable);
        deliveries["Adele Vance"].Attempts.ShouldBe(1);
        deliveries["Megan Bowen"].Status.ShouldBe(DeliveryStatus.Sent);
        deliveries["Megan Bowen"].Attempts.ShouldBe(2);
        await WaitUntilAsync(
            () => Connector.Delivered.Any(request => request.ConversationId == Personal(TeamsUser.Alex) && request.AllText.Contains(Fr("» : 2 cartes mises à jour, 1 conversation introuvable."), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "the ballot's creator was not told how the cards were updated");

        // A closer that crashed before the result is finished by the next close, which asks for the same update: a no-op.
        await Bot.Services.GetRequiredService<BallotStore>().ChangeAsync(ballot.Id, current => current with { Result = null });
        Bot.Clock.Offset += TimeSpan.FromMinutes(6);
        await Bot.Services.GetRequiredService<BallotLifecycle>().CloseAsync(ballot.Id, "BepBot", closedBy: null, CancellationToken.None);
        await Task.Delay(1500);

        Connector.UpdatesOf(cards["Isaiah Langer"]).Count.ShouldBe(1);
        Connector.UpdatesOf(cards["Megan Bowen"]).Count.ShouldBe(2);
        (await UpdatesAboutAsync(CurrentBallotCard.SubjectOf(ballot.Id))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Close_WhileACardIsStillOnItsWay_ThatCardUpdatedOnceTeamsHasIt()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var cards = await SentCardsAsync("vb" + ballot.Id, 3);
        // Megan's card as it stands while a worker sends it: drawn with the ballot open, not yet acknowledged by Teams.
        var broadcasts = Bot.Services.GetRequiredService<BroadcastStore>();
        var megan = (await DeliveriesAsync(Bot, "vb" + ballot.Id))["Megan Bowen"];
        var sent = (await broadcasts.GetDeliveryAsync(megan.BroadcastId, megan.RecipientKey))!;
        var sending = await broadcasts.TryReplaceDeliveryAsync(megan with { Status = DeliveryStatus.Sending, ActivityId = null, ClaimedUntil = Bot.Clock.GetUtcNow().AddMinutes(2) }, sent.ETag);

        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        await WaitUntilAsync(
            () => Connector.UpdatesOf(cards["Adele Vance"]).Count == 1 && Connector.UpdatesOf(cards["Isaiah Langer"]).Count == 1,
            TimeSpan.FromSeconds(30),
            () => "the cards already sent were not updated");
        Connector.UpdatesOf(cards["Megan Bowen"]).ShouldBeEmpty("a card Teams has not acknowledged has no activity to replace yet");
        await broadcasts.TryReplaceDeliveryAsync(megan, sending!);
        await WaitForUpdateAsync(CurrentBallotCard.SubjectOf(ballot.Id));

        Connector.UpdatesOf(cards["Megan Bowen"]).ShouldHaveSingleItem().AllText.ShouldContain("Résultat du vote");
    }

    [Fact]
    public async Task Procuration_GivenThenWithdrawn_UpdatesOnlyTheGiversAndTheHoldersCards()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var cards = await SentCardsAsync("vb" + ballot.Id, 3);

        await Teams.InvokeAsync(TeamsUser.Megan, "votes.giveproxy", new JsonObject { ["ballotId"] = ballot.Id, ["holder"] = TeamsUser.Adele.AadObjectId });
        await WaitForUpdateAsync(CurrentBallotCard.SubjectOf(ballot.Id));

        Connector.UpdatesOf(cards["Megan Bowen"]).ShouldHaveSingleItem().AllText.ShouldContain("Vous avez donné procuration à Adele Vance");
        Connector.UpdatesOf(cards["Adele Vance"]).ShouldHaveSingleItem().AllText.ShouldContain("Namur (procuration de Megan Bowen)");
        Connector.UpdatesOf(cards["Isaiah Langer"]).ShouldBeEmpty();

        await Teams.InvokeAsync(TeamsUser.Megan, "votes.withdrawproxy", new JsonObject { ["ballotId"] = ballot.Id });
        await WaitForUpdateAsync(CurrentBallotCard.SubjectOf(ballot.Id), count: 2);

        Connector.UpdatesOf(cards["Megan Bowen"]).Count.ShouldBe(2);
        Connector.UpdatesOf(cards["Megan Bowen"])[1].AllText.ShouldNotContain("Vous avez donné procuration");
        Connector.UpdatesOf(cards["Adele Vance"])[^1].AllText.ShouldNotContain("procuration de Megan Bowen");
        Connector.UpdatesOf(cards["Isaiah Langer"]).ShouldBeEmpty();
        Connector.Delivered.ShouldNotContain(request => request.AllText.Contains("Mise à jour des cartes", StringComparison.Ordinal), "a bourgmestre's procuration reports to nobody");
    }

    /// <summary>The cards a broadcast sent, once it is complete: recipient name → activity id.</summary>
    private async Task<Dictionary<string, string>> SentCardsAsync(string broadcastId, int count)
    {
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);
        var sent = (await DeliveriesAsync(Bot, broadcastId)).Where(pair => pair.Value.ActivityId is not null).ToDictionary(pair => pair.Key, pair => pair.Value.ActivityId!);
        sent.Count.ShouldBe(count);
        return sent;
    }

    private async Task<List<Broadcast>> UpdatesAboutAsync(string subject) =>
        await Bot.Services.GetRequiredService<BroadcastStore>().ListAsync().Where(broadcast => broadcast.Updates?.Subject == subject).ToListAsync();

    private async Task<Broadcast> WaitForUpdateAsync(string subject, TimeSpan? timeout = null, int count = 1)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var updates = await UpdatesAboutAsync(subject);
            if (updates.Count >= count && updates.All(update => update.State == BroadcastState.Completed))
            {
                return updates.OrderBy(update => update.CreatedAt).Last();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"No completed update of {subject}: {string.Join(", ", updates.Select(update => $"{update.Id} {update.State}"))}");
            }

            await Task.Delay(100);
        }
    }
}
