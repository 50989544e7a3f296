using BepBot.Features.Conferences;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Conferences;

/// <summary>The invitations sent earlier show the session as it is now after a change of date or a cancellation.</summary>
public sealed class CardUpdateOnChangeTests : ConferenceTest
{
    [Fact]
    public async Task Edit_Date_EachInvitationUpdatedOnceWithTheNewDateAndStaffToldHowMany()
    {
        var before = InDays(30);
        var after = InDays(32, hour: 10);
        var (session, _) = await ScheduleAsync(date: before);
        var invitations = await SentCardsAsync(await SentAsync(session, "invite"));

        await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Modifier");
        await Teams.SayAsync(TeamsUser.Alex, "date");
        await Teams.SayAsync(TeamsUser.Alex, Typed(after));
        await WaitForUpdatesAsync(session, 1);

        invitations.Count.ShouldBe(3);
        foreach (var (name, activityId) in invitations)
        {
            var put = Connector.UpdatesOf(activityId).ShouldHaveSingleItem($"{name}'s invitation");
            put.AllText.ShouldContain(BelgianTime.FormatDateTime(after, BelgianTime.French));
            put.AllText.ShouldNotContain(BelgianTime.FormatDateTime(before, BelgianTime.French));
        }

        var alex = TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Personal);
        await WaitUntilAsync(
            () => Connector.Delivered.Any(request => request.ConversationId == alex && request.AllText.Contains(Fr("» : 3 cartes mises à jour."), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "Alex was not told how many cards were updated");
    }

    [Fact]
    public async Task Cancel_EachInvitationUpdatedOnceAsCancelledWithoutItsAnswerButtons()
    {
        var (session, _) = await ScheduleAsync();
        var invitations = await SentCardsAsync(await SentAsync(session, "invite"));
        var ask = await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Annuler la séance");

        await Teams.ClickAsync(TeamsUser.Alex, ask.Card, "Oui, annuler la séance");
        await Teams.ClickAsync(TeamsUser.Alex, ask.Card, "Oui, annuler la séance");
        await WaitForUpdatesAsync(session, 1);

        foreach (var (name, activityId) in invitations)
        {
            var put = Connector.UpdatesOf(activityId).ShouldHaveSingleItem($"{name}'s invitation");
            put.AllText.ShouldContain("Annulée");
            put.Activity.ToJsonString().ShouldNotContain("conferences.rsvp");
        }
    }

    [Fact]
    public async Task DatePicked_EachPollCardUpdatedOnceToTheSessionOnTheDateRetained()
    {
        var first = InDays(20);
        var second = InDays(21);
        var (session, _) = await ScheduleAsync(candidates: [first, second]);
        var polls = await SentCardsAsync(await SentAsync(session, "poll"));
        var tally = (await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Résultats du sondage")).UpdatedCard!;

        await Teams.ClickAsync(TeamsUser.Alex, tally, "Retenir le " + BelgianTime.FormatDateTime(second, BelgianTime.French));
        await WaitForUpdatesAsync(session, 1);

        polls.Count.ShouldBe(3);
        foreach (var (name, activityId) in polls)
        {
            var put = Connector.UpdatesOf(activityId).ShouldHaveSingleItem($"{name}'s poll");
            put.AllText.ShouldContain(BelgianTime.FormatDateTime(second, BelgianTime.French));
            put.Activity.ToJsonString().ShouldNotContain("Envoyer mes disponibilités");
        }
    }

    private async Task<Dictionary<string, string>> SentCardsAsync(Broadcast broadcast) =>
        (await DeliveriesAsync(Bot, broadcast.Id)).Where(pair => pair.Value.ActivityId is not null).ToDictionary(pair => pair.Key, pair => pair.Value.ActivityId!);

    private async Task WaitForUpdatesAsync(ConferenceSession session, int count)
    {
        var subject = MemberConferenceCard.SubjectOf(session.Id);
        var store = Bot.Services.GetRequiredService<BroadcastStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var updates = await store.ListAsync().Where(broadcast => broadcast.Updates?.Subject == subject && broadcast.RecipientCount > 0).ToListAsync();
            if (updates.Count >= count && updates.All(update => update.State == BroadcastState.Completed))
            {
                updates.Count.ShouldBe(count);
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"{updates.Count} update(s) of {subject} completed, expected {count}");
            }

            await Task.Delay(100);
        }
    }
}
