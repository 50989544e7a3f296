using System.Text.Json.Nodes;
using BepBot.Features.Conferences;
using BepBot.Platform.Procurations;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Conferences;

public sealed class DatePollAndRsvpTests : ConferenceTest
{
    private ProcurationBook Procurations => Bot.Services.GetRequiredService<ProcurationBook>();

    [Fact]
    public async Task DatePoll_AnswersTalliedByCommune_StaffPickDate_EveryoneToldAndEventCreated()
    {
        var first = InDays(20);
        var second = InDays(27, hour: 9);
        var (session, reply) = await ScheduleAsync(candidates: [second, first]);
        await SentAsync(session, "poll");
        reply.AllText.ShouldContain("Le sondage de date part vers 3 bourgmestres");
        session.State.ShouldBe(ConferenceState.DatePoll);
        session.CandidateDates.ShouldBe([first, second]);
        Graph.Requests.ShouldBeEmpty();

        var meganPoll = LastCardTo(TeamsUser.Megan, "Sondage");
        var saved = await Teams.ClickAsync(TeamsUser.Megan, meganPoll, "Envoyer mes disponibilités", new Dictionary<string, string> { ["d0"] = "yes", ["d1"] = "no" });
        saved.UpdatedCard!.ShouldNotBeNull();
        CardReader.AllText(saved.UpdatedCard!).ShouldContain("Vos disponibilités sont enregistrées");
        await Teams.ClickAsync(TeamsUser.Adele, LastCardTo(TeamsUser.Adele, "Sondage"), "Envoyer mes disponibilités", new Dictionary<string, string> { ["d0"] = "maybe", ["d1"] = "yes" });
        // Megan changes her mind: still one answer for Namur.
        await Teams.ClickAsync(TeamsUser.Megan, meganPoll, "Envoyer mes disponibilités", new Dictionary<string, string> { ["d0"] = "yes", ["d1"] = "yes" });

        var tally = (await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Résultats du sondage")).UpdatedCard!;
        var text = CardReader.AllText(tally);
        text.ShouldContain("2 communes sur 40 ont répondu");
        text.ShouldContain(Fr("Oui : 1 · Peut-être : 1 · Non : 0"));
        text.ShouldContain(Fr("Oui : 2 · Peut-être : 0 · Non : 0"));
        text.ShouldContain(Fr("Sans réponse : Andenne"));
        text.ShouldNotContain("Namur,");
        var chart = CardReader.Charts(tally).Single();
        ((string?)chart["type"]).ShouldBe("Chart.HorizontalBar.Stacked");
        chart["data"]!.AsArray().Select(row => $"{(string?)row!["title"]}: " + string.Join(" · ", row["data"]!.AsArray().Select(point => $"{(string?)point!["legend"]} : {(int)point["value"]!}")))
            .ShouldBe([
                $"{BelgianTime.FormatDateTime(first, BelgianTime.French)}: Oui : 1 · Peut-être : 1 · Non : 0",
                $"{BelgianTime.FormatDateTime(second, BelgianTime.French)}: Oui : 2 · Peut-être : 0 · Non : 0",
            ]);
        CardReader.Facts(chart["fallback"]).ShouldBe([
            Fr($"{BelgianTime.FormatDateTime(first, BelgianTime.French)}: Oui : 1 · Peut-être : 1 · Non : 0"),
            Fr($"{BelgianTime.FormatDateTime(second, BelgianTime.French)}: Oui : 2 · Peut-être : 0 · Non : 0"),
        ]);

        var picked = await Teams.ClickAsync(TeamsUser.Alex, tally, "Retenir le " + BelgianTime.FormatDateTime(second, BelgianTime.French));
        CardReader.AllText(picked.UpdatedCard!).ShouldContain("Date retenue");
        await SentAsync(session, "date");

        var stored = (await Conferences.GetAsync(session.Id))!;
        stored.State.ShouldBe(ConferenceState.Scheduled);
        stored.StartsAt.ShouldBe(second);
        stored.Version.ShouldBe(2);
        (await Conferences.VersionsAsync(session.Id)).Single().State.ShouldBe(ConferenceState.DatePoll);
        foreach (var bourgmestre in new[] { TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Isaiah })
        {
            LastCardTo(bourgmestre, Fr("Date retenue : ") + BelgianTime.FormatDateTime(second, BelgianTime.French));
        }

        var created = Graph.RequestsTo("POST", EventsPath).ShouldHaveSingleItem().Json!;
        ((string?)created["start"]!["dateTime"]).ShouldStartWith(BelgianTime.ToBrussels(second).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        (await Teams.ClickAsync(TeamsUser.Megan, meganPoll, "Envoyer mes disponibilités", new Dictionary<string, string> { ["d0"] = "no", ["d1"] = "no" }))
            .AllText.ShouldContain("sondage de date de cette séance est clos");
    }

    [Fact]
    public async Task DatePoll_ForgedOrIncompleteAnswers_RefusedAndNothingWritten()
    {
        var (session, _) = await ScheduleAsync(candidates: [InDays(20), InDays(21)]);

        var missing = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.poll", new JsonObject { ["sessionId"] = session.Id, ["d0"] = "yes" });
        var extra = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.poll", new JsonObject { ["sessionId"] = session.Id, ["d0"] = "yes", ["d1"] = "yes", ["d2"] = "yes" });
        var bogus = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.poll", new JsonObject { ["sessionId"] = session.Id, ["d0"] = "peut-etre", ["d1"] = "yes" });
        var officer = await Teams.InvokeAsync(TeamsUser.Patti, "conferences.poll", new JsonObject { ["sessionId"] = session.Id, ["d0"] = "yes", ["d1"] = "yes" });
        var staffPickByMayor = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.pick", new JsonObject { ["sessionId"] = session.Id, ["date"] = 0 });
        var outOfRange = await Teams.InvokeAsync(TeamsUser.Alex, "conferences.pick", new JsonObject { ["sessionId"] = session.Id, ["date"] = 7 });

        missing.AllText.ShouldContain("Merci de répondre pour chaque date proposée");
        extra.AllText.ShouldContain("Merci de répondre pour chaque date proposée");
        bogus.AllText.ShouldContain("données invalides");
        officer.AllText.ShouldContain("bourgmestres");
        staffPickByMayor.AllText.ShouldContain("réservé");
        outOfRange.AllText.ShouldContain("données invalides");
        (await Bot.KeysAsync("conferences/polls/")).ShouldBeEmpty();
        (await Conferences.GetAsync(session.Id))!.State.ShouldBe(ConferenceState.DatePoll);
    }

    [Fact]
    public async Task Rsvp_PresentThenRepresented_RecordsProcurationAndCardShowsAnswer()
    {
        var (session, _) = await ScheduleAsync();
        await SentAsync(session, "invite");
        var invitation = LastCardTo(TeamsUser.Adele, "Nous vous invitons");
        CardReader.AllText(invitation).ShouldContain(Fr("Votre réponse : pas encore donnée"));

        var present = await Teams.ClickAsync(TeamsUser.Adele, invitation, "Je participerai");
        CardReader.AllText(present.UpdatedCard!).ShouldContain(Fr("Votre réponse : participation confirmée"));
        var represented = await Teams.ClickAsync(TeamsUser.Adele, present.UpdatedCard!, "Donner procuration", new Dictionary<string, string> { ["holder"] = TeamsUser.Megan.AadObjectId });

        CardReader.AllText(represented.UpdatedCard!).ShouldContain(Fr("Votre réponse : procuration donnée à Megan Bowen"));
        var rsvp = (await Conferences.RsvpOfAsync(session.Id, "Dinant"))!;
        rsvp.Answer.ShouldBe(RsvpAnswer.Represented);
        rsvp.HolderAadObjectId.ShouldBe(TeamsUser.Megan.AadObjectId);
        var procuration = (await Procurations.GivenByAsync(ProcurationScope.Session, session.Id, "Dinant"))!;
        procuration.HolderName.ShouldBe("Megan Bowen");
        procuration.GiverAadObjectId.ShouldBe(TeamsUser.Adele.AadObjectId);
    }

    [Fact]
    public async Task Rsvp_Represented_TheHolderIsToldInTheirLanguageAndToldAgainWhenItIsWithdrawn()
    {
        await Teams.InstallAsync([TeamsUser.Lynne], inEnglish: [TeamsUser.Lynne]);
        var (session, _) = await ScheduleAsync(title: "Conférence d'automne");

        var represented = await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Megan.AadObjectId });
        await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Lynne.AadObjectId });
        var megan = await TextToAsync(TeamsUser.Megan, Fr("Procuration :"));
        var lynne = await TextToAsync(TeamsUser.Lynne, "Proxy:");
        await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });
        var withdrawn = await TextToAsync(TeamsUser.Megan, "Procuration retirée");

        CardReader.AllText(represented.UpdatedCard!).ShouldContainAll("procuration donnée à Megan Bowen", "Megan Bowen reçoit un message de BepBot");
        megan.ShouldContainAll("Adele Vance", "Dinant", "Conférence d'automne");
        lynne.ShouldContainAll("Isaiah Langer", "Couvin", "Conférence d'automne");
        withdrawn.ShouldContainAll("Dinant", "Conférence d'automne");
    }

    private async Task<string> TextToAsync(TeamsUser user, string containing)
    {
        string? found = null;
        await BepBot.Tests.Broadcasts.BroadcastSteps.WaitUntilAsync(
            () => (found = DeliveredTo(user).Select(request => request.AllText).FirstOrDefault(text => text.Contains(containing, StringComparison.Ordinal))) is not null,
            TimeSpan.FromSeconds(30),
            () => $"{user.Name} was not told « {containing} »; got: {string.Join(" | ", DeliveredTo(user).Select(request => request.AllText))}");
        return found!;
    }

    [Fact]
    public async Task Rsvp_LeavingRepresented_WithdrawsProcurationUnlessUsed()
    {
        var (session, _) = await ScheduleAsync();
        await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Megan.AadObjectId });
        await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Patti.AadObjectId });

        var absent = await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "absent" });
        await Procurations.MarkUsedAsync(ProcurationScope.Session, session.Id, "Couvin");
        var usedChange = await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });

        CardReader.AllText(absent.UpdatedCard!).ShouldContain(Fr("Votre réponse : absence annoncée"));
        (await Procurations.GivenByAsync(ProcurationScope.Session, session.Id, "Dinant")).ShouldBeNull();
        (await Procurations.HeldByAsync(ProcurationScope.Session, session.Id, TeamsUser.Megan.AadObjectId)).ShouldBeNull();
        usedChange.AllText.ShouldContain("a déjà servi pour un vote");
        (await Conferences.RsvpOfAsync(session.Id, "Couvin"))!.Answer.ShouldBe(RsvpAnswer.Represented);
        (await Procurations.GivenByAsync(ProcurationScope.Session, session.Id, "Couvin")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Rsvp_HolderAlreadyCarryingOneOrSameCommune_RefusedAndAnswerUnchanged()
    {
        var (session, _) = await ScheduleAsync();
        await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Lynne.AadObjectId });
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });

        var busy = await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Lynne.AadObjectId });
        var sameCommune = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Patti.AadObjectId });
        var nobody = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented" });
        var stranger = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Stranger.AadObjectId });

        busy.AllText.ShouldContain("Lynne Robbins représente déjà la commune de Dinant");
        sameCommune.AllText.ShouldContain("même commune");
        nobody.AllText.ShouldContain("Choisissez d'abord la personne");
        stranger.AllText.ShouldContain("ne figure pas dans l'annuaire");
        (await Conferences.RsvpOfAsync(session.Id, "Couvin")).ShouldBeNull();
        (await Conferences.RsvpOfAsync(session.Id, "Namur"))!.Answer.ShouldBe(RsvpAnswer.Present);
        (await Procurations.ListAsync(ProcurationScope.Session, session.Id)).ShouldHaveSingleItem().GiverCommune.ShouldBe("Dinant");
    }

    [Fact]
    public async Task Rsvp_ForgedByOthersOrAfterStart_RefusedAndNothingWritten()
    {
        var (namur, _) = await ScheduleAsync(title: "Conférence Namur-Capitale", scope: "namur-capitale", date: InDays(3));

        var officer = await Teams.InvokeAsync(TeamsUser.Patti, "conferences.rsvp", new JsonObject { ["sessionId"] = namur.Id, ["answer"] = "present" });
        var guest = await Teams.InvokeAsync(TeamsUser.Stranger, "conferences.rsvp", new JsonObject { ["sessionId"] = namur.Id, ["answer"] = "present" });
        var outOfScope = await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = namur.Id, ["answer"] = "present" });
        var unknown = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = "doesnotexist", ["answer"] = "present" });
        var malformed = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = namur.Id, ["answer"] = "present", ["commune"] = "Dinant" });
        var badAnswer = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = namur.Id, ["answer"] = "maybe" });
        Bot.Clock.Offset = TimeSpan.FromDays(4);
        var late = await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = namur.Id, ["answer"] = "present" });

        officer.AllText.ShouldContain("bourgmestres");
        guest.AllText.ShouldContain("bourgmestres");
        outOfScope.AllText.ShouldContain("ne concerne pas votre commune");
        unknown.AllText.ShouldContain("Je ne trouve pas cette séance");
        malformed.AllText.ShouldContain("données invalides");
        badAnswer.AllText.ShouldContain("données invalides");
        late.AllText.ShouldContain("Les réponses à cette séance sont closes");
        (await Bot.KeysAsync("conferences/rsvps/")).ShouldBeEmpty();
        (await Bot.KeysAsync("procurations/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Attendance_CountsCommunesPresentOrRepresentedPerBassin_AndQuorum()
    {
        var (session, _) = await ScheduleAsync(quorum: "majority");
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });
        await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Megan.AadObjectId });
        await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "absent" });

        var card = (await Teams.ClickAsync(TeamsUser.Alex, await StaffCardAsync(session), "Présences et quorum")).UpdatedCard!;
        var text = CardReader.AllText(card);

        text.ShouldContain(Fr("Bassin de Namur-Capitale\n1 sur 16 : 1 présente, 0 représentée · 0 absente · 15 sans réponse"));
        text.ShouldContain(Fr("1 sur 13 : 0 présente, 1 représentée · 0 absente · 12 sans réponse"));
        text.ShouldContain(Fr("0 sur 11 : 0 présente, 0 représentée · 1 absente · 10 sans réponse"));
        text.ShouldContain(Fr("Présentes ou représentées : 2 communes sur 40."));
        text.ShouldContain(Fr("Quorum non atteint : 21 communes requises, il en manque 19."));
        var chart = CardReader.Charts(card).Single(chart => (string?)chart["type"] == "Chart.VerticalBar.Grouped");
        chart["data"]!.AsArray().Select(serie => $"{(string?)serie!["legend"]}: " + string.Join(", ", serie["values"]!.AsArray().Select(point => $"{(string?)point!["x"]} {(int)point["y"]!}")))
            .ShouldBe([
                "Présentes: Namur-Capitale 1, Dinant-Meuse-Condroz 0, Essaimage 0",
                "Représentées: Namur-Capitale 0, Dinant-Meuse-Condroz 1, Essaimage 0",
                "Absentes: Namur-Capitale 0, Dinant-Meuse-Condroz 0, Essaimage 1",
                "Sans réponse: Namur-Capitale 15, Dinant-Meuse-Condroz 12, Essaimage 10",
            ]);
        CardReader.Facts(chart["fallback"]).ShouldContain(Fr("Bassin de Namur-Capitale: 1 sur 16 : 1 présente, 0 représentée · 0 absente · 15 sans réponse"));
        var gauge = CardReader.Charts(card).Single(chart => (string?)chart["type"] == "Chart.Gauge");
        ((int)gauge["value"]!, (int)gauge["max"]!).ShouldBe((2, 40));
        gauge["segments"]!.AsArray().Select(segment => ((string?)segment!["legend"], (int)segment["size"]!))
            .ShouldBe([("Sous le quorum (moins de 21)", 21), ("Quorum atteint (21 ou plus)", 19)]);
        ((string?)gauge["fallback"]!["text"]).ShouldBe(Fr("Présentes ou représentées : 2 communes sur 40."));
        Cards.CardChecks.Check(card).ShouldBeEmpty();
        (await Teams.InvokeAsync(TeamsUser.Megan, "conferences.attendance", new JsonObject { ["sessionId"] = session.Id })).AllText.ShouldContain("réservé");
    }
}
