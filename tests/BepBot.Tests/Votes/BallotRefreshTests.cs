using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Votes;

/// <summary>
/// A ballot card in the chat history refreshes itself (Universal Actions): whoever opens it sees the ballot as it
/// stands now for them, and a refresh writes nothing.
/// </summary>
public sealed class BallotRefreshTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Patti],
    settings: new Dictionary<string, string?> { ["Votes:CloseSettle"] = "00:00:00" })
{
    [Fact]
    public async Task BallotCard_DeclaresARefreshForItsRecipientOnly()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var card = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question));

        var refresh = card["refresh"]!.AsObject();
        ((string?)refresh["action"]!["verb"]).ShouldBe(BallotCards.RefreshVerb);
        ((string?)refresh["action"]!["data"]!["ballotId"]).ShouldBe(ballot.Id);
        refresh["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Megan.Id]);
        // In a personal chat the refresh is automatic: no button for it.
        CardReader.ButtonTitles(card).ShouldNotContain("Mettre à jour");
    }

    [Fact]
    public async Task CardSeenAWeekLater_AfterTheClose_ShowsTheResultAndNoVoteButtons()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var card = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question));
        await Teams.ClickAsync(TeamsUser.Megan, card, "Pour");
        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        Bot.Clock.Offset = TimeSpan.FromDays(7);

        var refreshed = await Teams.RefreshAsync(TeamsUser.Megan, card);

        var now = refreshed.UpdatedCard.ShouldNotBeNull(refreshed.AllText);
        var text = CardReader.AllText(now);
        text.ShouldContain("Résultat du vote");
        text.ShouldContain("✅ Adopté");
        CardReader.ButtonTitles(now).ShouldNotContain("Pour");
        CardReader.ButtonTitles(now).ShouldNotContain("Exporter les résultats (CSV)");
        // The refreshed card refreshes again, still for Megan alone.
        now["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Megan.Id]);
    }

    [Fact]
    public async Task Refresh_WhileOpen_ShowsEachPersonTheirOwnCommuneAndVote()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var megansCard = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question));
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "contre");

        var megan = await Teams.RefreshAsync(TeamsUser.Megan, megansCard);
        // Adele is not in the card's userIds (it is Megan's card), as if it had been forwarded to her: her own view.
        var adele = await Teams.RefreshAsync(TeamsUser.Adele, megansCard);
        var alex = await Teams.RefreshAsync(TeamsUser.Alex, megansCard);

        CardReader.AllText(megan.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Contre"));
        CardReader.AllText(adele.UpdatedCard!).ShouldContain("Dinant");
        CardReader.AllText(adele.UpdatedCard!).ShouldNotContain("Vous avez voté");
        CardReader.ButtonTitles(adele.UpdatedCard!).ShouldContain("Pour");
        CardReader.AllText(alex.UpdatedCard!).ShouldContain(ballot.Question);
        CardReader.ButtonTitles(alex.UpdatedCard!).ShouldNotContain("Pour");
        adele.UpdatedCard!["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Adele.Id]);
    }

    [Fact]
    public async Task Refresh_ByAnOfficerAGuestOrAForgedId_RevealsNothing()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var bassin = await OpenAsync(Bot, Motion("Question réservée au bassin Essaimage") with { Bassin = "essaimage", Communes = BepBot.Platform.Territory.TerritoryMap.Essaimage.Communes });
        var card = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question));
        var forged = card.DeepClone().AsObject();
        forged["refresh"]!["action"]!["data"]!["ballotId"] = bassin.Id;
        var unknown = card.DeepClone().AsObject();
        unknown["refresh"]!["action"]!["data"]!["ballotId"] = "ffffffffffff";

        var officer = await Teams.RefreshAsync(TeamsUser.Patti, card);
        var guest = await Teams.RefreshAsync(TeamsUser.Stranger, card);
        var otherBassin = await Teams.RefreshAsync(TeamsUser.Megan, forged);
        var missing = await Teams.RefreshAsync(TeamsUser.Megan, unknown);

        foreach (var refused in new[] { officer, guest, otherBassin, missing })
        {
            var shown = CardReader.AllText(refused.UpdatedCard.ShouldNotBeNull(refused.AllText));
            shown.ShouldContain("Carte indisponible");
            shown.ShouldNotContain(ballot.Question);
            shown.ShouldNotContain(bassin.Question);
            refused.UpdatedCard!["refresh"].ShouldBeNull();
        }

        CardReader.AllText(officer.UpdatedCard!).ShouldContain("réservée aux bourgmestres et au personnel du BEP");
        CardReader.AllText(otherBassin.UpdatedCard!).ShouldContain("Ce vote n'existe pas ou ne concerne pas votre commune.");
    }

    [Fact]
    public async Task Refresh_WritesNothingAndCanBeRepeated()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var card = CardOf(await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question));
        await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        // Two hours on: a click would now note when Megan was last seen; a refresh must not.
        Bot.Clock.Offset = TimeSpan.FromHours(2);
        var before = await SnapshotAsync();

        var first = await Teams.RefreshAsync(TeamsUser.Megan, card, activityId: "refresh-seen-twice");
        // Teams sends a refresh each time the card comes into view; the same activity id twice is still answered.
        var second = await Teams.RefreshAsync(TeamsUser.Megan, card, activityId: "refresh-seen-twice");

        CardReader.AllText(first.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        CardReader.AllText(second.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        (await SnapshotAsync()).ShouldBe(before);
    }

    // What a turn could write: the person's conversation, the duplicate check of activities, the ballot and its votes.
    private async Task<List<KeyValuePair<string, string>>> SnapshotAsync()
    {
        var store = Bot.Services.GetRequiredService<IDocumentStore>();
        var documents = new List<KeyValuePair<string, string>>();
        foreach (var prefix in new[] { "conversations/", "activities/", "votes/", "ballots/" })
        {
            documents.AddRange(await StoreSnapshot.TakeAsync(store, prefix));
        }

        return documents;
    }
}
