using System.Text.Json.Nodes;
using BepBot.Features.Conferences;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Conferences;

public sealed class ScheduleConferenceTests : ConferenceTest
{
    [Fact]
    public async Task Agenda_NoItemsYet_ShowsTheSessionsOwnEndAndLengthAndSaysItIsEmpty()
    {
        var date = InDays(30);
        var (session, _) = await ScheduleAsync(title: "Conférence d'été", duration: "120", date: date);
        var cards = Bot.Services.GetRequiredService<ConferenceCards>();
        string twoHours, none, empty;
        using (BepBot.Infrastructure.Text.CultureScope.Use(BelgianTime.French))
        {
            (twoHours, none, empty) = (BelgianTime.FormatDuration(120), BelgianTime.FormatDuration(0), cards.Texts["Agenda_Empty"]);
        }

        var card = (await Teams.InvokeAsync(TeamsUser.Alex, "conferences.agenda", new JsonObject { ["sessionId"] = session.Id })).Card;
        var agenda = CardReader.AllText(card);

        agenda.ShouldContainAll(BelgianTime.FormatTime(date.AddMinutes(120), BelgianTime.French), $"({twoHours})", empty);
        agenda.ShouldNotContain(BelgianTime.FormatTime(date, BelgianTime.French) + " (");
        agenda.ShouldNotContain($"({none})");
        // The staff's note is a sentence of its own, not glued after the subtitle's closing parenthesis.
        CardReader.Nodes(card).Select(node => (string?)node["text"]).ShouldContain("Pas encore publié.");
        agenda.ShouldNotContain($"({twoHours}) Pas");
    }

    [Fact]
    public async Task Schedule_FixedDateOnline_InvitesBourgmestresAndCreatesTeamsEvent()
    {
        var date = InDays(30);

        var (session, reply) = await ScheduleAsync(title: "Conférence de printemps", duration: "2h30", date: date);
        await SentAsync(session, "invite");

        session.State.ShouldBe(ConferenceState.Scheduled);
        session.StartsAt.ShouldBe(date);
        session.DurationMinutes.ShouldBe(150);
        session.Online.ShouldBeTrue();
        session.Quorum.ShouldBe(QuorumRule.Majority);
        reply.AllText.ShouldContain("Les invitations partent vers 3 bourgmestres");
        reply.AllText.ShouldContain("L'événement Outlook avec réunion Teams est à jour");
        foreach (var bourgmestre in new[] { TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Isaiah })
        {
            var card = LastCardTo(bourgmestre, "Nous vous invitons");
            CardReader.ButtonTitles(card).ShouldContain("Je participerai");
            CardReader.AllText(card).ShouldContain(BelgianTime.FormatDateTime(date, BelgianTime.French));
        }

        DeliveredTo(TeamsUser.Patti).ShouldNotContain(request => request.AllText.Contains("Nous vous invitons", StringComparison.Ordinal));
        var created = Graph.RequestsTo("POST", EventsPath).ShouldHaveSingleItem().Json!;
        ((string?)created["subject"]).ShouldBe("Conférence de printemps");
        ((string?)created["start"]!["timeZone"]).ShouldBe("Europe/Brussels");
        ((string?)created["start"]!["dateTime"]).ShouldStartWith(BelgianTime.ToBrussels(date).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        ((string?)created["end"]!["dateTime"]).ShouldStartWith(BelgianTime.ToBrussels(date.AddMinutes(150)).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        ((string?)created["end"]!["timeZone"]).ShouldBe("Europe/Brussels");
        ((bool?)created["isOnlineMeeting"]).ShouldBe(true);
        ((string?)created["onlineMeetingProvider"]).ShouldBe("teamsForBusiness");
        ((string?)created["transactionId"]).ShouldBe("bepbot-conference-" + session.Id);
        created["attendees"]!.AsArray().Select(attendee => (string?)attendee!["emailAddress"]!["address"]).ShouldBe(
            ["isaiah.langer@bepbot-demo.example", "adele.vance@bepbot-demo.example", "megan.bowen@bepbot-demo.example"], ignoreOrder: true);
        var stored = (await Conferences.GetAsync(session.Id))!;
        stored.Calendar.State.ShouldBe(CalendarSyncState.Synced);
        stored.Calendar.EventId.ShouldBe("event-1");
    }

    [Fact]
    public async Task Schedule_OneBassinInPerson_OnlyItsBourgmestresAreInvitedAndAttend()
    {
        var (session, _) = await ScheduleAsync(title: "Conférence Namur-Capitale", scope: "Namur-Capitale", location: "BEP, avenue Sergent Vrithoff 2, Namur");
        await SentAsync(session, "invite");

        session.BassinId.ShouldBe("namur-capitale");
        session.CommunesInScope.Count.ShouldBe(16);
        LastCardTo(TeamsUser.Megan, "Nous vous invitons");
        DeliveredTo(TeamsUser.Adele).ShouldNotContain(request => request.AllText.Contains("Nous vous invitons", StringComparison.Ordinal));
        DeliveredTo(TeamsUser.Isaiah).ShouldNotContain(request => request.AllText.Contains("Nous vous invitons", StringComparison.Ordinal));
        var created = Graph.RequestsTo("POST", EventsPath).ShouldHaveSingleItem().Json!;
        ((bool?)created["isOnlineMeeting"]).ShouldBe(false);
        ((string?)created["location"]!["displayName"]).ShouldBe("BEP, avenue Sergent Vrithoff 2, Namur");
        created["attendees"]!.AsArray().Select(attendee => (string?)attendee!["emailAddress"]!["address"]).ShouldBe(["megan.bowen@bepbot-demo.example"]);
    }

    [Fact]
    public async Task ScheduleFlow_InvalidAnswers_RepromptsInFrenchAndSavesNothing()
    {
        await Teams.SayAsync(TeamsUser.Alex, "planifier une conférence");
        (await Teams.SayAsync(TeamsUser.Alex, "x")).AllText.ShouldContain("Le titre doit compter entre 3 et 150 caractères");
        await Teams.SayAsync(TeamsUser.Alex, "Conférence d'été");
        (await Teams.SayAsync(TeamsUser.Alex, "Luxembourg")).AllText.ShouldContain("Choisissez la province entière ou l'un des trois bassins");
        await Teams.SayAsync(TeamsUser.Alex, "province");
        await Teams.SayAsync(TeamsUser.Alex, "en ligne");
        (await Teams.SayAsync(TeamsUser.Alex, "10 heures")).AllText.ShouldContain("Indiquez une durée");
        await Teams.SayAsync(TeamsUser.Alex, "1h30");
        await Teams.SayAsync(TeamsUser.Alex, "sondage");
        (await Teams.SayAsync(TeamsUser.Alex, Typed(InDays(10)))).AllText.ShouldContain(Fr("Il faut entre 2 et 5 dates différentes ; j'en ai lu 1"));
        (await Teams.SayAsync(TeamsUser.Alex, "01/01/2020 10:00 ; " + Typed(InDays(10)))).AllText.ShouldContain("est déjà passé");
        (await Teams.SayAsync(TeamsUser.Alex, "le 3 mars ; " + Typed(InDays(10)))).AllText.ShouldContain(Fr("Je n'ai pas compris la date « le 3 mars »"));
        await Teams.SayAsync(TeamsUser.Alex, Typed(InDays(10)) + " ; " + Typed(InDays(12)));
        await Teams.SayAsync(TeamsUser.Alex, "deux tiers");
        var cancelled = await Teams.SayAsync(TeamsUser.Alex, "annuler");

        cancelled.AllText.ShouldContain("Planifier une séance de la Conférence des Bourgmestres");
        (await Bot.KeysAsync("conferences/")).ShouldBeEmpty();
        Graph.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ScheduleFlow_ClickedChoices_WorkLikeTypedAnswers()
    {
        var prompt = (await Teams.SayAsync(TeamsUser.Alex, "planifier une conférence")).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "Continuer", new Dictionary<string, string> { ["value"] = "Conférence cliquée" })).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "Région Essaimage (Entre-Sambre-et-Meuse)")).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "En ligne (Teams)")).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, Fr("2 h"))).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "Date fixe")).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "Continuer", new Dictionary<string, string> { ["value"] = Typed(InDays(20)) })).Card;
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "Deux tiers des communes")).Card;
        var done = await Teams.ClickAsync(TeamsUser.Alex, prompt, "Oui, enregistrer et envoyer");

        done.AllText.ShouldContain("Séance enregistrée");
        var session = (await Conferences.ListAsync()).ShouldHaveSingleItem();
        session.BassinId.ShouldBe("essaimage");
        session.Quorum.ShouldBe(QuorumRule.TwoThirds);
        session.QuorumNeeded.ShouldBe(8);
    }

    [Fact]
    public async Task Schedule_FromBourgmestre_RefusedPolitely()
    {
        var reply = await Teams.SayAsync(TeamsUser.Megan, "planifier une conférence");

        reply.AllText.ShouldContain("réservé");
        (await Bot.KeysAsync("conferences/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ics_FromSessionCard_ServesBrusselsCalendarFile()
    {
        var date = InDays(15);
        var (session, _) = await ScheduleAsync(date: date);
        await SentAsync(session, "invite");
        var invitation = LastCardTo(TeamsUser.Adele, "Nous vous invitons");

        var reply = await Teams.ClickAsync(TeamsUser.Adele, invitation, "Ajouter à mon agenda (.ics)");

        var url = (string)CardReader.Actions(reply.Card).Single(action => (string?)action["type"] == "Action.OpenUrl")["url"]!;
        using var http = Bot.CreateClient();
        using var response = await http.GetAsync(new Uri(url).PathAndQuery);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var ics = await response.Content.ReadAsStringAsync();
        ics.ShouldContain("BEGIN:VTIMEZONE");
        ics.ShouldContain("TZID:Europe/Brussels");
        ics.ShouldContain("DTSTART;TZID=Europe/Brussels:" + BelgianTime.ToBrussels(date).ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        ics.ShouldContain("SUMMARY:Conférence de printemps");
    }

    [Fact]
    public async Task List_ShowsStaffEverySessionAndBourgmestresTheirOwnWithTheirAnswer()
    {
        var (province, _) = await ScheduleAsync(title: "Conférence provinciale", date: InDays(20));
        var (namur, _) = await ScheduleAsync(title: "Conférence Namur-Capitale", scope: "namur-capitale", date: InDays(25));
        await SentAsync(province, "invite");
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = province.Id, ["answer"] = "present" });

        var staff = CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "conférences")).Card);
        var megan = CardReader.AllText((await Teams.SayAsync(TeamsUser.Megan, "conferences")).Card);
        var isaiah = CardReader.AllText((await Teams.SayAsync(TeamsUser.Isaiah, "Conférences")).Card);

        staff.ShouldContain("Conférence provinciale");
        staff.ShouldContain("Conférence Namur-Capitale");
        megan.ShouldContain("Conférence Namur-Capitale");
        megan.ShouldContain(Fr("Votre réponse : participation confirmée"));
        isaiah.ShouldContain("Conférence provinciale");
        isaiah.ShouldNotContain("Conférence Namur-Capitale");
        isaiah.ShouldContain(Fr("Votre réponse : pas encore donnée"));
        (await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.show", new JsonObject { ["sessionId"] = namur.Id })).AllText.ShouldContain("ne concerne pas votre commune");
    }
}
