using System.Text.Json.Nodes;
using BepBot.Features.Conferences;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Broadcasts;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Conferences;

public sealed class CalendarAndChangesTests : ConferenceTest
{
    [Fact]
    public async Task Graph_Forbidden_SessionKeptStaffToldAndRetryButtonFixesIt()
    {
        Graph.FailNext("POST", EventsPath, 403);

        var (session, reply) = await ScheduleAsync();

        reply.AllText.ShouldContain(Fr("L'agenda Outlook n'a pas pu être mis à jour : Microsoft 365 refuse l'accès à l'agenda de conferences@bep.example"));
        reply.AllText.ShouldContain("La séance est bien enregistrée");
        var failed = (await Conferences.GetAsync(session.Id))!;
        failed.State.ShouldBe(ConferenceState.Scheduled);
        failed.Calendar.State.ShouldBe(CalendarSyncState.Failed);
        failed.Calendar.Attempts.ShouldBe(1);
        await SentAsync(session, "invite");
        var staffCard = await StaffCardAsync(session);
        CardReader.AllText(staffCard).ShouldContain("Échec de la mise à jour");

        var retried = await Teams.ClickAsync(TeamsUser.Alex, staffCard, "Réessayer l'agenda Outlook");

        CardReader.AllText(retried.UpdatedCard!).ShouldContain("L'événement Outlook avec réunion Teams est à jour");
        Graph.RequestsTo("POST", EventsPath).Count.ShouldBe(2);
        (await Conferences.GetAsync(session.Id))!.Calendar.ShouldSatisfyAllConditions(
            calendar => calendar.State.ShouldBe(CalendarSyncState.Synced),
            calendar => calendar.EventId.ShouldBe("event-1"));
        (await Bot.KeysAsync("jobs/conferences-calendar-")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Graph_Throttled_SdkRetriesAndEventIsCreatedOnce()
    {
        Graph.FailNext("POST", EventsPath, 429, times: 1, retryAfter: TimeSpan.Zero);
        Graph.FailNext("POST", EventsPath, 503, times: 1, retryAfter: TimeSpan.Zero);

        var (session, reply) = await ScheduleAsync();

        reply.AllText.ShouldContain("L'événement Outlook avec réunion Teams est à jour");
        var posts = Graph.RequestsTo("POST", EventsPath);
        posts.Count.ShouldBe(3);
        posts.Select(post => (string?)post.Json!["transactionId"]).Distinct().ShouldBe(["bepbot-conference-" + session.Id]);
        (await Conferences.GetAsync(session.Id))!.Calendar.State.ShouldBe(CalendarSyncState.Synced);
    }

    [Fact]
    public async Task Edit_Date_PatchesEventMovesRemindersAndTellsOnlyWhatChanged()
    {
        var before = InDays(30);
        var after = InDays(32, hour: 10);
        var (session, _) = await ScheduleAsync(date: before);
        await SentAsync(session, "invite");

        await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Modifier");
        await Teams.SayAsync(TeamsUser.Alex, "date");
        var done = await Teams.SayAsync(TeamsUser.Alex, Typed(after));
        await SentAsync(session, "change2");

        done.AllText.ShouldContain(Fr("Modification enregistrée. Date : ") + BelgianTime.FormatDateTime(before, BelgianTime.French) + " → " + BelgianTime.FormatDateTime(after, BelgianTime.French));
        var patch = Graph.RequestsTo("PATCH", EventsPath + "/event-1").ShouldHaveSingleItem().Json!;
        ((string?)patch["start"]!["dateTime"]).ShouldStartWith(BelgianTime.ToBrussels(after).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        ((string?)patch["start"]!["timeZone"]).ShouldBe("Europe/Brussels");
        var notice = CardReader.AllText(LastCardTo(TeamsUser.Isaiah, "Séance modifiée"));
        notice.ShouldContain(Fr("Date : ") + BelgianTime.FormatDateTime(before, BelgianTime.French));
        notice.ShouldNotContain(Fr("Lieu :"));
        var stored = (await Conferences.GetAsync(session.Id))!;
        stored.Version.ShouldBe(2);
        (await Conferences.VersionsAsync(session.Id)).Single().StartsAt.ShouldBe(before);
        var reminders = await Bot.KeysAsync("jobs/conferences-reminder-" + session.Id);
        reminders.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Cancel_AfterConfirmation_CancelsEventTellsBourgmestresAndKeepsHistory()
    {
        var (session, _) = await ScheduleAsync();
        var ask = await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Annuler la séance");

        var forged = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.confirmCancel", new JsonObject { ["sessionId"] = session.Id, ["version"] = 1 });
        var stale = await Teams.InvokeAsync(TeamsUser.Alex, "conferences.confirmCancel", new JsonObject { ["sessionId"] = session.Id, ["version"] = 7 });
        var cancelled = await Teams.ClickAsync(TeamsUser.Alex, ask.Card, "Oui, annuler la séance");
        var again = await Teams.ClickAsync(TeamsUser.Alex, ask.Card, "Oui, annuler la séance");
        await SentAsync(session, "cancel");

        forged.AllText.ShouldContain("réservée au personnel");
        stale.AllText.ShouldContain("La séance a changé depuis l'affichage de cette carte");
        CardReader.AllText(cancelled.UpdatedCard!).ShouldContain("La séance est annulée.");
        CardReader.AllText(cancelled.UpdatedCard!).ShouldContain("L'événement Outlook est annulé");
        again.AllText.ShouldContain("annulée ou a déjà eu lieu");
        var cancel = Graph.RequestsTo("POST", EventsPath + "/event-1/cancel").ShouldHaveSingleItem().Json!;
        // The SDK writes action parameters as declared in the Graph metadata ("Comment"); Graph reads them case-insensitively.
        ((string?)(cancel["Comment"] ?? cancel["comment"])).ShouldBe(Fr("La séance « Conférence de printemps » de la Conférence des Bourgmestres est annulée. Veuillez nous excuser pour ce changement."));
        LastCardTo(TeamsUser.Megan, "Séance annulée");
        var stored = (await Conferences.GetAsync(session.Id))!;
        stored.State.ShouldBe(ConferenceState.Cancelled);
        stored.Calendar.State.ShouldBe(CalendarSyncState.Cancelled);
        (await Conferences.VersionsAsync(session.Id)).Single().State.ShouldBe(ConferenceState.Scheduled);
        (await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" })).AllText.ShouldContain("closes");
    }

    [Fact]
    public async Task Reminders_AtDayMinusSeven_OnlyThoseWhoHaveNotAnswered()
    {
        var (session, _) = await ScheduleAsync(date: InDays(10));
        await SentAsync(session, "invite");
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });
        await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "absent" });

        // An hour past the day-minus-seven reminder, whatever the time of day the test runs at.
        Bot.Clock.Offset = session.StartsAt!.Value - TimeSpan.FromDays(7) + TimeSpan.FromHours(1) - DateTimeOffset.UtcNow;
        var reminder = await BroadcastSteps.WaitForStateAsync(Bot, ConferenceAnnouncer.BroadcastId(session, "rem" + session.StartsAt!.Value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + "m10080"), Platform.Delivery.BroadcastState.Completed);

        reminder.RecipientCount.ShouldBe(1);
        LastCardTo(TeamsUser.Isaiah, Fr("Rappel : la séance de la Conférence des Bourgmestres a lieu le"));
        DeliveredTo(TeamsUser.Megan).ShouldNotContain(request => request.AllText.Contains("Rappel", StringComparison.Ordinal));
        DeliveredTo(TeamsUser.Adele).ShouldNotContain(request => request.AllText.Contains("Rappel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agenda_TimesFromStart_ReorderRemove_PublishThenOnlyTheDiff()
    {
        var (session, _) = await ScheduleAsync(date: InDays(30, hour: 14));
        var agenda = (await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Ordre du jour")).Card;
        await AddItemAsync(agenda, "Accueil", "Alex Wilber", "15", "aucun", "aucun");
        await AddItemAsync(agenda, "Centrale d'achat énergie", "aucun", "45", "Note | https://bep.example/note.pdf", "Adhérer à la centrale ?");
        // « passer » skips a step; « aucun » and « - », asked for before, still do.
        var card = (await AddItemAsync(agenda, "Divers", "passer", "20", "Passer", "-")).Card;
        var text = CardReader.AllText(card);
        text.ShouldContain(Fr("**14 h** Accueil"));
        text.ShouldContain(Fr("**14 h 15** Centrale d'achat énergie"));
        text.ShouldContain(Fr("**15 h** Divers"));
        text.ShouldContain(Fr("Vote prévu : ") + "Adhérer à la centrale ?");
        text.ShouldContain("[Note](https://bep.example/note.pdf)");

        var published = await Teams.ClickAsync(TeamsUser.Alex, card, "Publier l'ordre du jour");
        CardReader.AllText(published.UpdatedCard!).ShouldContain("L'ordre du jour est envoyé à 3 bourgmestres");
        await SentAsync(session, "agenda1");
        CardReader.AllText(LastCardTo(TeamsUser.Adele, "Ordre du jour de la Conférence")).ShouldContain(Fr("**14 h 15** Centrale d'achat énergie"));

        var moved = await Teams.ClickAsync(TeamsUser.Alex, published.UpdatedCard!, Fr("Monter le point 3 « Divers »"));
        CardReader.AllText(moved.UpdatedCard!).ShouldContain(Fr("**14 h 15** Divers"));
        var removed = await Teams.ClickAsync(TeamsUser.Alex, moved.UpdatedCard!, Fr("Retirer le point 1 « Accueil »"));
        CardReader.AllText(removed.UpdatedCard!).ShouldContain(Fr("**14 h** Divers"));
        var unchangedTwice = await Teams.ClickAsync(TeamsUser.Alex, removed.UpdatedCard!, "Publier les changements");
        await SentAsync(session, "agenda2");
        var again = await Teams.ClickAsync(TeamsUser.Alex, unchangedTwice.UpdatedCard!, "Publier les changements");

        var diff = CardReader.AllText(LastCardTo(TeamsUser.Adele, "Ordre du jour modifié"));
        diff.ShouldContain(Fr("➖ Retiré : Accueil"));
        diff.ShouldContain(Fr("↕️ Déplacé : Divers, désormais point 1 à 14 h"));
        diff.ShouldNotContain("Centrale d'achat énergie (");
        again.AllText.ShouldContain("Rien n'a changé depuis la dernière publication");
        (await Bot.KeysAsync("conferences/agendas/" + session.Id)).Count.ShouldBe(2);
        (await Conferences.GetAsync(session.Id))!.Version.ShouldBe(8);
        (await Teams.InvokeAsync(TeamsUser.Megan, "conferences.removeItem", new JsonObject { ["sessionId"] = session.Id, ["item"] = "x" })).AllText.ShouldContain("réservée au personnel");
    }

    [Fact]
    public async Task Decisions_AfterTheSession_SentToCommunesInScopeWithLinks()
    {
        var (session, _) = await ScheduleAsync(scope: "namur-capitale", date: InDays(2));
        var early = await Teams.InvokeAsync(TeamsUser.Alex, "conferences.decisions", new JsonObject { ["sessionId"] = session.Id });
        Bot.Clock.Offset = TimeSpan.FromDays(3);

        await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Relevé de décisions");
        await Teams.SayAsync(TeamsUser.Alex, "Adhésion à la centrale d'achat énergie approuvée | https://bep.example/pv.pdf ; Prochaine conférence en juin");
        var done = await Teams.SayAsync(TeamsUser.Alex, "oui");
        await SentAsync(session, "decisions2");

        early.AllText.ShouldContain("après la séance");
        done.AllText.ShouldContain("1. Adhésion à la centrale d'achat énergie approuvée ([document](https://bep.example/pv.pdf))");
        CardReader.AllText(LastCardTo(TeamsUser.Megan, "Relevé de décisions")).ShouldContain("2. Prochaine conférence en juin");
        LastCardTo(TeamsUser.Patti, "Relevé de décisions");
        DeliveredTo(TeamsUser.Adele).ShouldNotContain(request => request.AllText.Contains("Relevé", StringComparison.Ordinal));
        (await Conferences.GetAsync(session.Id))!.Decisions.Count.ShouldBe(2);
    }

    private async Task<BotResponse> AddItemAsync(JsonObject agendaCard, params string[] answers)
    {
        var reply = await Teams.ClickAsync(TeamsUser.Alex, agendaCard, "Ajouter un point");
        foreach (var answer in answers)
        {
            reply = await Teams.SayAsync(TeamsUser.Alex, answer);
        }

        return reply;
    }
}
