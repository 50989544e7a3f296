using System.Text.Json.Nodes;
using BepBot.Features.Conferences;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Conferences;

/// <summary>An invitation or a date poll in the chat history shows the session as it stands now when it is looked at.</summary>
public sealed class ConferenceRefreshTests : ConferenceTest
{
    protected override bool WithGraph => false;

    [Fact]
    public async Task Invitation_SeenAfterTheDateMoved_ShowsTheNewDateAndTheirAnswer()
    {
        var before = InDays(30);
        var after = InDays(32, hour: 10);
        var (session, _) = await ScheduleAsync(date: before);
        await SentAsync(session, "invite");
        var invitation = LastCardTo(TeamsUser.Megan, "Conférence de printemps");
        ((string?)invitation["refresh"]!["action"]!["verb"]).ShouldBe(ConferenceCards.RefreshVerb);
        invitation["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Megan.Id]);
        await Teams.ClickAsync(TeamsUser.Megan, invitation, "Je participerai");
        await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Modifier");
        await Teams.SayAsync(TeamsUser.Alex, "date");
        await Teams.SayAsync(TeamsUser.Alex, Typed(after));
        Bot.Clock.Offset = TimeSpan.FromDays(7);

        var refreshed = await Teams.RefreshAsync(TeamsUser.Megan, invitation);

        var text = CardReader.AllText(refreshed.UpdatedCard.ShouldNotBeNull(refreshed.AllText));
        text.ShouldContain(BelgianTime.FormatDateTime(after, BelgianTime.French));
        text.ShouldNotContain(BelgianTime.FormatDateTime(before, BelgianTime.French));
        text.ShouldContain("participation confirmée");
    }

    [Fact]
    public async Task Invitation_SeenAfterTheCancellation_SaysCancelledWithoutAnswerButtons()
    {
        var (session, _) = await ScheduleAsync();
        await SentAsync(session, "invite");
        var invitation = LastCardTo(TeamsUser.Adele, "Conférence de printemps");
        CardReader.ButtonTitles(invitation).ShouldContain("Je participerai");
        var ask = await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Annuler la séance");
        await Teams.ClickAsync(TeamsUser.Alex, ask.Card, "Oui, annuler la séance");

        var refreshed = await Teams.RefreshAsync(TeamsUser.Adele, invitation);

        var card = refreshed.UpdatedCard.ShouldNotBeNull(refreshed.AllText);
        CardReader.AllText(card).ShouldContain("Annulée");
        CardReader.ButtonTitles(card).ShouldNotContain("Je participerai");
        CardReader.ButtonTitles(card).ShouldNotContain("Ajouter à mon agenda");
    }

    [Fact]
    public async Task DatePoll_SeenAfterTheDateWasChosen_BecomesTheInvitationForEachRole()
    {
        var first = InDays(20);
        var second = InDays(21);
        var (session, _) = await ScheduleAsync(candidates: [first, second]);
        await SentAsync(session, "poll");
        var poll = LastCardTo(TeamsUser.Megan, "Conférence de printemps");
        await Teams.InvokeAsync(TeamsUser.Alex, "conferences.pick", new JsonObject { ["sessionId"] = session.Id, ["date"] = 1 });

        var megan = await Teams.RefreshAsync(TeamsUser.Megan, poll);
        var patti = await Teams.RefreshAsync(TeamsUser.Patti, poll);
        var alex = await Teams.RefreshAsync(TeamsUser.Alex, poll);

        CardReader.AllText(megan.UpdatedCard!).ShouldContain(BelgianTime.FormatDateTime(second, BelgianTime.French));
        CardReader.ButtonTitles(megan.UpdatedCard!).ShouldContain("Je participerai");
        CardReader.ButtonTitles(patti.UpdatedCard!).ShouldNotContain("Je participerai");
        CardReader.AllText(patti.UpdatedCard!).ShouldContain(BelgianTime.FormatDateTime(second, BelgianTime.French));
        CardReader.ButtonTitles(alex.UpdatedCard!).ShouldContain("Modifier");
    }

    [Fact]
    public async Task SessionCard_InAGroupChat_UpdateButtonWorksAlongsideTheAnswerInputs()
    {
        var (session, _) = await ScheduleAsync();
        var shown = (await Teams.InvokeAsync(TeamsUser.Megan, "conferences.show", new JsonObject { ["sessionId"] = session.Id }, ConversationType.GroupChat)).Card;
        CardReader.FindInput(shown, "holder").ShouldNotBeNull("the invitation carries the procuration input");

        var updated = await Teams.ClickAsync(TeamsUser.Adele, shown, "Mettre à jour", type: ConversationType.GroupChat);

        var card = updated.UpdatedCard.ShouldNotBeNull(updated.AllText);
        CardReader.AllText(card).ShouldContain("Conférence de printemps");
        CardReader.ButtonTitles(card).ShouldContain("Je participerai");
        card["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Adele.Id]);
    }

    [Fact]
    public async Task Refresh_OfAnotherBassinsSessionOrByAGuest_RevealsNothing()
    {
        var (session, _) = await ScheduleAsync(title: "Conférence du bassin Essaimage", scope: "essaimage");
        var card = await StaffCardAsync(session);

        // Megan is the bourgmestre of Namur (bassin Namur); Jean is not in the roster.
        var megan = await Teams.RefreshAsync(TeamsUser.Megan, card);
        var stranger = await Teams.RefreshAsync(TeamsUser.Stranger, card);

        foreach (var refused in new[] { megan, stranger })
        {
            var text = CardReader.AllText(refused.UpdatedCard.ShouldNotBeNull(refused.AllText));
            text.ShouldContain("Carte indisponible");
            text.ShouldNotContain("Conférence du bassin Essaimage");
        }
    }
}
