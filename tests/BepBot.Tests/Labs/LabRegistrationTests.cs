using System.Text.Json.Nodes;
using BepBot.Features.Labs;
using BepBot.Infrastructure.Scheduling;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

/// <summary>Officers: the catalogue, one-click registration, the waiting list, quota, cancellation and promotion, the deadline.</summary>
public sealed class LabRegistrationTests : LabsBotTestBase
{
    [Fact]
    public async Task Register_OneClick_CardSaysInscritWithAnIcsOfTheLab()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1));

        var catalogue = (await Teams.SayAsync(TeamsUser.Patti, "séminaires")).Card;
        CardReader.AllText(catalogue).ShouldContain("1 place restante sur 1");
        var registered = await Teams.ClickAsync(TeamsUser.Patti, catalogue, "S'inscrire");

        var card = CardReader.AllText(registered.UpdatedCard!);
        card.ShouldContain("Votre inscription est confirmée.");
        card.ShouldContain(Fr("Inscription confirmée : votre place est réservée."));
        CardReader.Actions(registered.UpdatedCard!).ShouldNotContain(action => (string?)action["type"] == "Action.OpenUrl");
        var agenda = await Teams.ClickAsync(TeamsUser.Patti, registered.UpdatedCard!, "Ajouter à mon agenda (.ics)");
        var ics = await DownloadAsync((string)CardReader.Actions(agenda.Card!).Single(action => (string?)action["type"] == "Action.OpenUrl")["url"]!);
        ics.ShouldContain("BEGIN:VEVENT");
        ics.ShouldContain("SUMMARY:La cybersécurité dans nos communes");
        ics.ShouldContain("DTSTART;TZID=Europe/Brussels:");
        ics.ShouldContain("BEGIN:VTIMEZONE");
        (await LabAsync(lab.Id)).StandingOf(TeamsUser.Patti.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Confirmed);
    }

    [Fact]
    public async Task AgendaButton_ClickedAWeekLater_GivesAFreshIcs_OnlyForAConfirmedSeat()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1));
        var registered = (await RegisterFromCatalogueAsync(TeamsUser.Patti, lab.Details.Title)).UpdatedCard!;
        var exportsBefore = (await Bot.KeysAsync("exports/")).Count;
        var waiting = (await RegisterFromCatalogueAsync(TeamsUser.Lynne, lab.Details.Title)).UpdatedCard!;

        Bot.Clock.Offset = TimeSpan.FromDays(7);
        var agenda = await Teams.ClickAsync(TeamsUser.Patti, registered, "Ajouter à mon agenda (.ics)");
        var forged = await Teams.InvokeAsync(TeamsUser.Lynne, "labs.ics", new JsonObject { ["labId"] = lab.Id });
        var unknown = await Teams.InvokeAsync(TeamsUser.Patti, "labs.ics", new JsonObject { ["labId"] = "doesnotexist" });

        CardReader.AllText(agenda.Card!).ShouldContain("Ouvrez le fichier pour ajouter le séminaire à votre agenda (lien valable 24 heures).");
        var ics = await DownloadAsync((string)CardReader.Actions(agenda.Card!).Single(action => (string?)action["type"] == "Action.OpenUrl")["url"]!);
        ics.ShouldContain("SUMMARY:La cybersécurité dans nos communes");
        CardReader.ButtonTitles(waiting).ShouldNotContain("Ajouter à mon agenda (.ics)");
        forged.AllText.ShouldContain("Votre place à ce séminaire n'est pas (ou plus) confirmée");
        unknown.AllText.ShouldContain("Ce séminaire n'existe pas ou plus.");
        // Only Patti's click made a file: showing or registering writes no link.
        (await Bot.KeysAsync("exports/")).Count.ShouldBe(exportsBefore + 1);
    }

    [Fact]
    public async Task Register_FullLab_WaitingListWithPosition_ThenCancellationPromotesAndTellsAtOnce()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1));
        await RegisterFromCatalogueAsync(TeamsUser.Patti, lab.Details.Title);

        var waiting = await RegisterFromCatalogueAsync(TeamsUser.Lynne, lab.Details.Title);
        CardReader.AllText(waiting.UpdatedCard!).ShouldContain("Liste d'attente, position 1 (le séminaire est complet).");

        var mine = (await Teams.SayAsync(TeamsUser.Patti, "mes inscriptions")).Card;
        CardReader.AllText(mine).ShouldContain(lab.Details.Title);
        var cancelled = await Teams.ClickAsync(TeamsUser.Patti, mine, "Annuler mon inscription");

        CardReader.AllText(cancelled.UpdatedCard!).ShouldContain("est annulée");
        var told = await WaitForCardsToAsync(TeamsUser.Lynne, "Une place s'est libérée");
        told.Count.ShouldBe(1);
        told[0].AllText.ShouldContain(lab.Details.Title);
        var after = await LabAsync(lab.Id);
        after.StandingOf(TeamsUser.Lynne.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Confirmed);
        after.StandingOf(TeamsUser.Patti.AadObjectId).ShouldBeNull();
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Lynne, "mes inscriptions")).Card).ShouldContain(Fr("Inscription confirmée : votre place est réservée."));
    }

    [Fact]
    public async Task Register_LabCard_ChartsConfirmedWaitingAndFreeSeatsAsRegistered()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 2));

        var first = await RegisterFromCatalogueAsync(TeamsUser.Patti, lab.Details.Title);
        await RegisterFromCatalogueAsync(TeamsUser.Megan, lab.Details.Title);
        var waiting = await RegisterFromCatalogueAsync(TeamsUser.Lynne, lab.Details.Title);

        Seats(first.UpdatedCard!).ShouldBe([("Confirmées", 1), ("En attente", 0), ("Libres", 1)]);
        var stored = await LabAsync(lab.Id);
        Seats(waiting.UpdatedCard!).ShouldBe([("Confirmées", stored.Confirmed.Count()), ("En attente", stored.Waiting.Count()), ("Libres", stored.SeatsLeft)]);
        Seats(waiting.UpdatedCard!).ShouldBe([("Confirmées", 2), ("En attente", 1), ("Libres", 0)]);
        var chart = CardReader.Charts(waiting.UpdatedCard!).Single();
        ((string)chart["title"]!).ShouldBe(Fr("Places : 2 confirmées, 1 en attente, 0 libre sur 2"));
        CardReader.Facts(chart["fallback"]).ShouldBe(["Confirmées: 2", "En attente: 1", "Libres: 0"]);
        Cards.CardChecks.Check(waiting.UpdatedCard!).ShouldBeEmpty();
    }

    private static List<(string?, int)> Seats(JsonObject card) =>
        [.. CardReader.Charts(card).Single(chart => (string?)chart["type"] == "Chart.VerticalBar")["data"]!.AsArray().Select(point => ((string?)point!["x"], (int)point["y"]!))];

    [Fact]
    public async Task Register_CommuneAtQuota_WaitingListWithTheQuotaReason()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 5, quota: 1));
        await RegisterFromCatalogueAsync(TeamsUser.Patti, lab.Details.Title);

        var megan = await RegisterFromCatalogueAsync(TeamsUser.Megan, lab.Details.Title);

        CardReader.AllText(megan.UpdatedCard!).ShouldContain(Fr("Liste d'attente, position 1 : le quota de 1 personne par commune est atteint pour Namur."));
        var lynne = await RegisterFromCatalogueAsync(TeamsUser.Lynne, lab.Details.Title);
        CardReader.AllText(lynne.UpdatedCard!).ShouldContain("Inscription confirmée", Case.Sensitive);
        (await LabAsync(lab.Id)).Confirmed.Select(registration => registration.Commune).ShouldBe(["Namur", "Ciney"], ignoreOrder: true);
    }

    [Fact]
    public async Task Catalogue_FilteredByTheme_ShowsOnlyMatchingLabs()
    {
        await CreateLabAsync(LabFixtures.NewLab());
        await CreateLabAsync(LabFixtures.NewLab(title: "Le commerce de centre-ville", theme: "Commerces de proximité"));

        var filtered = CardReader.AllText((await Teams.SayAsync(TeamsUser.Lynne, "séminaires cybersécurité")).Card);

        filtered.ShouldContain("La cybersécurité dans nos communes");
        filtered.ShouldNotContain("Le commerce de centre-ville");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Lynne, "seminaires COMMERCES")).Card).ShouldContain("Le commerce de centre-ville");
    }

    [Fact]
    public async Task Deadline_Passed_OfficersCannotRegisterOrCancelButStaffCan()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1, deadlineIn: TimeSpan.FromDays(2)));
        var catalogue = (await Teams.SayAsync(TeamsUser.Lynne, "séminaires")).Card;
        await RegisterFromCatalogueAsync(TeamsUser.Patti, lab.Details.Title);
        Bot.Clock.Offset = TimeSpan.FromDays(3);
        var tickets = await TicketCountAsync();

        (await Teams.ClickAsync(TeamsUser.Lynne, catalogue, "S'inscrire")).AllText.ShouldContain("date limite d'inscription");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.cancel", new JsonObject { ["labId"] = lab.Id, ["from"] = "mine" })).AllText.ShouldContain("vous ne pouvez plus annuler vous-même");

        (await TicketCountAsync()).ShouldBe(tickets);
        (await LabAsync(lab.Id)).Registrations.Count.ShouldBe(1);
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Patti, "mes inscriptions")).Card).ShouldContain("Date limite passée");
        var removed = await Teams.InvokeAsync(TeamsUser.Alex, "labs.remove", new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Patti.AadObjectId });
        CardReader.AllText(removed.UpdatedCard!).ShouldContain("L'inscription de Patti Fernandez est annulée.");
        (await LabAsync(lab.Id)).Confirmed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_Twice_StaysOneRegistration()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 3));

        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id))));

        clicks.ShouldAllBe(click => click.UpdatedCard != null);
        var after = await LabAsync(lab.Id);
        after.Registrations.Count(registration => registration.IsActive).ShouldBe(1);
        after.SeatsLeft.ShouldBe(2);
    }

    [Fact]
    public async Task Register_AfterErasure_SameCardStillWorks()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 3));
        await RegisterFromCatalogueAsync(TeamsUser.Patti, lab.Details.Title);
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.erase", new JsonObject { ["confirm"] = true });

        var again = await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));

        CardReader.AllText(again.UpdatedCard!).ShouldContain(Fr("Inscription confirmée : votre place est réservée."));
    }
}

/// <summary>Every action is checked on the server: forged or stale payloads and the wrong people change nothing.</summary>
public sealed class LabValidationTests : LabsBotTestBase
{
    [Theory]
    [InlineData("ffffffffffff", "n'existe pas ou plus")]
    [InlineData("../../roster", "n'existe pas ou plus")]
    [InlineData("", "n'existe pas ou plus")]
    public async Task Register_UnknownOrForgedLabId_RefusedAndNothingWritten(string labId, string expected)
    {
        await CreateLabAsync(LabFixtures.NewLab());

        var response = await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(labId));

        response.AllText.ShouldContain(expected);
        (await TicketCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Register_MalformedPayloads_RefusedAndNothingWritten()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());

        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Lynne.AadObjectId })).AllText.ShouldContain("données invalides");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject())).AllText.ShouldContain("données invalides");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonArray())).AllText.ShouldContain("données invalides");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.cancel", new JsonObject { ["labId"] = lab.Id, ["from"] = "ailleurs" })).AllText.ShouldContain("données invalides");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = 42 })).AllText.ShouldContain("données invalides");

        (await TicketCountAsync()).ShouldBe(0);
        (await LabAsync(lab.Id)).Registrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_GuestAudienceClosedOrCancelled_RefusedAndNothingWritten()
    {
        var officersOnly = await CreateLabAsync(LabFixtures.NewLab(audience: LabAudience.Officers));
        var closed = await CreateLabAsync(LabFixtures.NewLab() with { State = LabState.Closed });
        var cancelled = await CreateLabAsync(LabFixtures.NewLab() with { State = LabState.Cancelled });

        (await Teams.InvokeAsync(TeamsUser.Stranger, "labs.register", Data(officersOnly.Id))).AllText.ShouldContain("réservée aux membres");
        (await Teams.InvokeAsync(TeamsUser.Megan, "labs.register", Data(officersOnly.Id))).AllText.ShouldContain("pas ouvert à votre fonction");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(closed.Id))).AllText.ShouldContain("sont clôturées");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(cancelled.Id))).AllText.ShouldContain("a été annulé");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Megan, "séminaires")).Card).ShouldNotContain(officersOnly.Id);

        (await TicketCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task StaffVerbs_FromAnOfficer_RefusedAndNothingChanges()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());
        await Teams.InvokeAsync(TeamsUser.Lynne, "labs.register", Data(lab.Id));
        var before = await Book.GetAsync(lab.Id);

        foreach (var verb in new[] { "labs.close", "labs.cancellab", "labs.registrants", "labs.export", "labs.edit" })
        {
            (await Teams.InvokeAsync(TeamsUser.Patti, verb, Data(lab.Id))).AllText.ShouldContain("réservée au personnel du BEP");
        }

        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.remove", new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Lynne.AadObjectId })).AllText.ShouldContain("réservée au personnel du BEP");
        (await Teams.SayAsync(TeamsUser.Patti, "nouveau séminaire")).AllText.ShouldContain("réservée au personnel du BEP");
        (await Book.GetAsync(lab.Id))!.ETag.ShouldBe(before!.ETag);
    }

    [Fact]
    public async Task Cancel_SomeoneNotRegistered_RefusedAndLedgerUntouched()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());
        await Teams.InvokeAsync(TeamsUser.Lynne, "labs.register", Data(lab.Id));
        var before = await Book.GetAsync(lab.Id);

        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.cancel", new JsonObject { ["labId"] = lab.Id, ["from"] = "lab" })).AllText.ShouldContain("pas d'inscription à ce séminaire");

        (await Book.GetAsync(lab.Id))!.ETag.ShouldBe(before!.ETag);
    }

    [Fact]
    public async Task Register_PersonRemovedFromRosterMeanwhile_Refused()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());
        await LabFixtures.SeedOfficersAsync(Bot.Store, 1, "Gesves");
        var ghost = new TeamsUser("29:ghost", "Ancien agent", "0badc0de-0000-0000-0000-000000000000");

        (await Teams.InvokeAsync(ghost, "labs.register", Data(lab.Id))).AllText.ShouldContain("réservée aux membres");
        (await TicketCountAsync()).ShouldBe(0);
    }
}
