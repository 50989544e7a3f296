using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Conferences;
using BepBot.Platform.Procurations;
using BepBot.Features.Roster;
using BepBot.Platform.Territory;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Conferences;

public sealed class ConcurrencyTests : ConferenceTest
{
    /// <summary>One bourgmestre per commune (40), each having opened BepBot, plus Alex for the staff side.</summary>
    private async Task<List<(TeamsUser User, string Commune)>> SeedFortyBourgmestresAsync()
    {
        var bourgmestres = TerritoryMap.Communes
            .Select((commune, index) => (User: new TeamsUser($"29:mayor-{index}", $"Bourgmestre de {commune.Name}", $"{index:00000000}-aaaa-4bbb-8ccc-dddddddddddd"), Commune: commune.Name))
            .ToList();
        var members = bourgmestres
            .Select(entry => new Member(entry.User.AadObjectId, entry.User.Name, $"mayor{entry.User.AadObjectId[..8]}@commune.example", Role.Bourgmestre, entry.Commune))
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex.wilber@bepbot-demo.example", Role.BepStaff, null))
            .ToList();
        await Bot.Store.UpsertAsync(RosterDirectory.Key, new RosterDocument(members, false, DateTimeOffset.UtcNow, "test"));
        var conversations = Bot.Services.GetRequiredService<ConversationDirectory>();
        foreach (var (user, _) in bourgmestres)
        {
            await conversations.SaveAsync(new SavedConversation(TeamsClient.ConversationIdFor(user, ConversationType.Personal), ConversationKind.Personal, TeamsClient.Tenant, Connector.ServiceUrl, "msteams", TeamsClient.BotId, "BepBot", user.Id, user.AadObjectId, null, "fr-BE", DateTimeOffset.UtcNow));
        }

        return bourgmestres;
    }

    [Fact]
    public async Task FortyBourgmestres_AnswerPollAndRsvpAtOnce_NothingLost()
    {
        var mayors = await SeedFortyBourgmestresAsync();
        var (poll, _) = await ScheduleAsync(title: "Conférence sondée", candidates: [InDays(20), InDays(22)]);
        var (session, _) = await ScheduleAsync(title: "Conférence fixée", date: InDays(25));

        var clicks = new List<Task<BotResponse>>();
        for (var index = 0; index < mayors.Count; index++)
        {
            var (user, _) = mayors[index];
            clicks.Add(Teams.InvokeAsync(user, "conferences.poll", new JsonObject { ["sessionId"] = poll.Id, ["d0"] = "yes", ["d1"] = index % 2 == 0 ? "maybe" : "no" }));
            // The first ten communes are represented by the bourgmestres of the last ten, who attend.
            clicks.Add(Teams.InvokeAsync(user, "conferences.rsvp", index < 10
                ? new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = mayors[39 - index].User.AadObjectId }
                : new JsonObject { ["sessionId"] = session.Id, ["answer"] = index < 30 ? "absent" : "present" }));
        }

        var replies = await Task.WhenAll(clicks);

        replies.ShouldAllBe(reply => reply.UpdatedCard != null, string.Join("\n", replies.Where(reply => reply.UpdatedCard == null).Select(reply => reply.AllText)));
        (await Conferences.PollAnswersAsync(poll.Id)).Select(answer => answer.Commune).ShouldBe(TerritoryMap.Communes.Select(commune => commune.Name), ignoreOrder: true);
        var rsvps = await Conferences.RsvpsAsync(session.Id);
        rsvps.Count.ShouldBe(40);
        rsvps.Count(rsvp => rsvp.Answer == RsvpAnswer.Represented).ShouldBe(10);
        (await Bot.Services.GetRequiredService<ProcurationBook>().ListAsync(ProcurationScope.Session, session.Id)).Count.ShouldBe(10);
        var tally = CardReader.AllText((await Teams.InvokeAsync(TeamsUser.Alex, "conferences.tally", new JsonObject { ["sessionId"] = poll.Id })).UpdatedCard!);
        tally.ShouldContain("40 communes sur 40 ont répondu");
        tally.ShouldContain(Fr("Oui : 40 · Peut-être : 0 · Non : 0"));
        tally.ShouldContain(Fr("Oui : 0 · Peut-être : 20 · Non : 20"));
        var attendance = CardReader.AllText((await Teams.InvokeAsync(TeamsUser.Alex, "conferences.attendance", new JsonObject { ["sessionId"] = session.Id })).UpdatedCard!);
        attendance.ShouldContain(Fr("Présentes ou représentées : 20 communes sur 40."));
        attendance.ShouldContain(Fr("Quorum non atteint : 21 communes requises, il en manque 1."));
    }
}

public sealed class WithoutGraphTests : ConferenceTest
{
    protected override bool WithGraph => false;

    [Fact]
    public async Task Schedule_GraphNotConfigured_StaffToldOnceAndSessionWorks()
    {
        var (session, reply) = await ScheduleAsync();
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });

        reply.AllText.ShouldContain(Fr("Microsoft Graph n'est pas configuré dans cet environnement de test : aucun événement Outlook n'est créé."));
        var stored = (await Conferences.GetAsync(session.Id))!;
        stored.Calendar.State.ShouldBe(CalendarSyncState.NotConfigured);
        CardReader.ButtonTitles(await StaffCardAsync(session)).ShouldNotContain("Réessayer l'agenda Outlook");
        (await Conferences.RsvpOfAsync(session.Id, "Namur"))!.Answer.ShouldBe(RsvpAnswer.Present);
        Graph.Requests.ShouldBeEmpty();
    }
}
