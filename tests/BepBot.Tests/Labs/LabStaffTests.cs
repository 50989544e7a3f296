using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Features.Labs;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BepBot.Tests.Labs;

/// <summary>Staff: the guided creation, the live list by commune, edit, close, cancel, message, attendance, export, reminders.</summary>
public sealed class LabStaffTests : LabsBotTestBase
{
    [Fact]
    public async Task NouveauSeminaire_GuidedFlow_CreatesTheLabAndSchedulesTheReminder()
    {
        var year = DateTime.UtcNow.Year + 1;
        var prompt = (await Teams.SayAsync(TeamsUser.Alex, "nouveau séminaire")).Card;
        CardReader.ButtonTitles(prompt).ShouldContain("Cybersécurité dans les communes");
        prompt = (await Teams.ClickAsync(TeamsUser.Alex, prompt, "Cybersécurité dans les communes")).Card;
        CardReader.AllText(prompt).ShouldContain(Fr("Quel est le titre du séminaire ?"));
        await Teams.SayAsync(TeamsUser.Alex, "La cybersécurité dans nos communes");
        await Teams.SayAsync(TeamsUser.Alex, "Retours d'expérience après les attaques de 2025.");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "demain après-midi")).Card).ShouldContain("Je n'ai pas compris la date.");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "12/03/2020 14h00")).Card).ShouldContain(Fr("Cette date est déjà passée : indiquez une date à venir."));
        await Teams.SayAsync(TeamsUser.Alex, $"12/03/{year} 14h00-16h30");
        await Teams.SayAsync(TeamsUser.Alex, "BEP, avenue Sergent Vrithoff 2, Namur ; https://teams.microsoft.com/l/meetup-join/abc");
        await Teams.SayAsync(TeamsUser.Alex, "agents");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "trente")).Card).ShouldContain("Indiquez un nombre de places");
        await Teams.SayAsync(TeamsUser.Alex, "30");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, "40")).Card).ShouldContain("Le quota est un nombre");
        await Teams.SayAsync(TeamsUser.Alex, "2");
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Alex, $"13/03/{year} 12h00")).Card).ShouldContain("au plus tard au début du séminaire");
        var confirm = (await Teams.SayAsync(TeamsUser.Alex, $"05/03/{year} 12h00")).Card;
        CardReader.AllText(confirm).ShouldContain("30 places, 2 personnes au plus par commune");

        var created = await Teams.ClickAsync(TeamsUser.Alex, confirm, "Oui, créer");

        CardReader.AllText(created.Card).ShouldContain("Séminaire créé");
        var lab = (await Book.ListAsync()).Single();
        lab.Details.Title.ShouldBe("La cybersécurité dans nos communes");
        lab.Details.Theme.ShouldBe("Cybersécurité dans les communes");
        lab.Details.Audience.ShouldBe(LabAudience.Officers);
        lab.Details.Place.ShouldBe("BEP, avenue Sergent Vrithoff 2, Namur");
        lab.Details.OnlineLink.ShouldBe("https://teams.microsoft.com/l/meetup-join/abc");
        BelgianTime.ToBrussels(lab.Details.StartsAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).ShouldBe($"{year}-03-12 14:00");
        BelgianTime.ToBrussels(lab.Details.EndsAt).ToString("HH:mm", CultureInfo.InvariantCulture).ShouldBe("16:30");
        (lab.Capacity, lab.CommuneQuota).ShouldBe((30, (int?)2));
        var reminder = await Bot.Services.GetRequiredService<JobBook>().ListAsync(LabReminderJob.JobKind).SingleAsync();
        reminder.DueAt.ShouldBe(lab.Details.StartsAt - TimeSpan.FromDays(1));
        var tidy = await Bot.Services.GetRequiredService<JobBook>().ListAsync(LabInboxTidyJob.JobKind).SingleAsync();
        tidy.DueAt.ShouldBe(lab.Details.StartsAt + TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Seminaires_StaffOnAFreshStart_EmptyCatalogueOffersNouveauSeminaire()
    {
        var catalogue = (await Teams.SayAsync(TeamsUser.Alex, "séminaires")).Card;

        var started = await Teams.ClickAsync(TeamsUser.Alex, catalogue, "Nouveau séminaire");

        CardReader.AllText(started.Card).ShouldContain("Étape 1 sur");
        CardReader.ButtonTitles(started.Card).ShouldContain("Cybersécurité dans les communes");
    }

    [Fact]
    public async Task Seminaires_StaffSeeASeminarForOfficers_NoRegisterButtonNorInvitationToClickIt()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(audience: LabAudience.Officers));

        var catalogue = (await Teams.SayAsync(TeamsUser.Alex, "séminaires")).Card;
        var shown = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.show", Data(lab.Id))).Card;
        var register = await Teams.InvokeAsync(TeamsUser.Alex, "labs.register", Data(lab.Id));
        var forPatti = (await Teams.SayAsync(TeamsUser.Patti, "séminaires")).Card;

        CardReader.AllText(catalogue).ShouldContain(lab.Details.Title);
        CardReader.AllText(catalogue).ShouldNotContain("S'inscrire");
        CardReader.ButtonTitles(catalogue).ShouldNotContain("S'inscrire");
        CardReader.ButtonTitles(catalogue).ShouldContain("Nouveau séminaire");
        CardReader.ButtonTitles(shown).ShouldNotContain("S'inscrire");
        CardReader.ButtonTitles(forPatti).ShouldContain("S'inscrire");
        CardReader.ButtonTitles(forPatti).ShouldNotContain("Nouveau séminaire");
        register.UpdatedCard.ShouldBeNull();
        (await LabAsync(lab.Id)).Registrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task NouveauSeminaire_Annuler_NothingCreated()
    {
        await Teams.SayAsync(TeamsUser.Alex, "nouveau séminaire");
        await Teams.SayAsync(TeamsUser.Alex, "Commerces de proximité");

        await Teams.SayAsync(TeamsUser.Alex, "annuler");

        (await Book.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Registrants_LiveListByCommune_WithWaitingPositions()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();

        var catalogue = (await Teams.SayAsync(TeamsUser.Alex, "séminaires")).Card;
        var list = CardReader.AllText((await Teams.ClickAsync(TeamsUser.Alex, catalogue, "Gérer les inscriptions")).Card);

        list.ShouldContain("1 place confirmée sur 1, 1 personne en liste d'attente");
        list.ShouldContain("Ciney");
        list.ShouldContain("Lynne Robbins — Liste d'attente, position 1");
        list.ShouldContain("Namur");
        list.ShouldContain("Patti Fernandez — Place confirmée");
    }

    [Fact]
    public async Task CancelLab_AfterConfirmation_EveryRegistrantIsTold()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;

        var ask = (await Teams.ClickAsync(TeamsUser.Alex, list, "Annuler le séminaire")).Card;
        CardReader.AllText(ask).ShouldContain("Les 2 personnes inscrites");
        var done = await Teams.ClickAsync(TeamsUser.Alex, ask, "Oui, annuler le séminaire");

        CardReader.AllText(done.UpdatedCard!).ShouldContain(Fr("Séminaire annulé ; 2 personnes"));
        (await WaitForCardsToAsync(TeamsUser.Patti, Fr("Séminaire annulé : La cybersécurité"))).Count.ShouldBe(1);
        (await WaitForCardsToAsync(TeamsUser.Lynne, Fr("Séminaire annulé : La cybersécurité"))).Count.ShouldBe(1);
        (await LabAsync(lab.Id)).State.ShouldBe(LabState.Cancelled);
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Patti, "séminaires")).Card).ShouldNotContain(lab.Details.Title);
        (await Teams.InvokeAsync(TeamsUser.Alex, "labs.cancellab", Data(lab.Id))).AllText.ShouldContain("a été annulé");
    }

    [Fact]
    public async Task MessageRegistrants_GoesToSeatsAndWaitingList()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;

        (await Teams.ClickAsync(TeamsUser.Alex, list, "Envoyer le message aux inscrits", new Dictionary<string, string> { ["message"] = "   " })).AllText.ShouldContain("Écrivez le message");
        var sent = await Teams.ClickAsync(TeamsUser.Alex, list, "Envoyer le message aux inscrits", new Dictionary<string, string> { ["message"] = "Le parking du BEP sera fermé ce jour-là." });

        sent.AllText.ShouldContain("Message en cours d'envoi à 2 personnes");
        (await WaitForCardsToAsync(TeamsUser.Patti, "Le parking du BEP sera fermé")).Count.ShouldBe(1);
        (await WaitForCardsToAsync(TeamsUser.Lynne, "Le parking du BEP sera fermé")).Count.ShouldBe(1);
        CardsTo(TeamsUser.Megan).ShouldNotContain(request => request.AllText.Contains("parking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_GoesToConfirmedRegistrantsOnlyWithThePlace()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var scheduler = Bot.Services.GetRequiredService<JobBook>();
        var options = Microsoft.Extensions.Options.Options.Create(new LabsOptions { ReminderBefore = TimeSpan.FromDays(30) });

        // Thirty days ahead of a lab ten days away: due at once, so the scheduler runs it on its next pass.
        await LabReminderJob.ScheduleAsync(scheduler, lab, options, default);

        var reminders = await WaitForCardsToAsync(TeamsUser.Patti, Fr("Rappel : La cybersécurité"));
        reminders.Count.ShouldBe(1);
        reminders[0].AllText.ShouldContain("BEP, avenue Sergent Vrithoff 2, Namur");
        await Task.Delay(500);
        CardsTo(TeamsUser.Lynne).ShouldNotContain(request => request.AllText.Contains("Rappel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attendance_OnTheDayOnly_ForConfirmedPeople()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var present = new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Patti.AadObjectId, ["present"] = true };
        (await Teams.InvokeAsync(TeamsUser.Alex, "labs.attend", present)).AllText.ShouldContain("le jour du séminaire");

        Bot.Clock.Offset = TimeSpan.FromDays(10) + TimeSpan.FromMinutes(30);
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;
        var marked = await Teams.ClickAsync(TeamsUser.Alex, list, Fr("Noter la présence : Patti Fernandez"));

        CardReader.AllText(marked.UpdatedCard!).ShouldContain("Présence notée");
        (await LabAsync(lab.Id)).StandingOf(TeamsUser.Patti.AadObjectId)!.Registration.Attended.ShouldBe(true);
        (await Teams.InvokeAsync(TeamsUser.Alex, "labs.attend", new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Lynne.AadObjectId, ["present"] = true }))
            .AllText.ShouldContain("Seules les personnes qui ont une place");
    }

    [Fact]
    public async Task Export_CsvAndOneSheetPerCommune()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;

        var text = (await Teams.ClickAsync(TeamsUser.Alex, list, "Exporter (CSV et tableur)")).AllText;

        var links = System.Text.RegularExpressions.Regex.Matches(text, @"\((http[^)]+)\)").Select(match => match.Groups[1].Value).Distinct().ToList();
        links.Count.ShouldBe(2);
        var csv = await DownloadAsync(links[0]);
        csv.ShouldContain("commune,nom,statut,position_attente,inscrit_le,presence");
        csv.ShouldContain("Namur,Patti Fernandez,inscrit,");
        csv.ShouldContain("Ciney,Lynne Robbins,liste d'attente,1,");
        using var xlsx = new MemoryStream(await DownloadBytesAsync(links[1]));
        xlsx.GetSheetNames().ShouldBe(["Ciney", "Namur"]);
        var namur = xlsx.Query(useHeaderRow: true, sheetName: "Namur").Cast<IDictionary<string, object>>().Single();
        namur["nom"].ShouldBe("Patti Fernandez");
    }

    [Fact]
    public async Task Edit_MoreSeatsPromotesTheWaitingAndAStaleFormIsRefused()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;
        var form = (await Teams.ClickAsync(TeamsUser.Alex, list, "Modifier le séminaire")).Card;

        (await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["capacity"] = "0" }))).AllText.ShouldContain("nombre de places entre 1 et 5000");
        var saved = await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["capacity"] = "2", ["title"] = "Cybersécurité : retours d'expérience" }));

        CardReader.AllText(saved.UpdatedCard!).ShouldContain("Modifications enregistrées.");
        (await WaitForCardsToAsync(TeamsUser.Lynne, "Une place s'est libérée")).Count.ShouldBe(1);
        var after = await LabAsync(lab.Id);
        after.Details.Title.ShouldBe("Cybersécurité : retours d'expérience");
        after.Confirmed.Count().ShouldBe(2);
        (await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["capacity"] = "1" }))).AllText.ShouldContain("modifié entre-temps");
        (await LabAsync(lab.Id)).Capacity.ShouldBe(2);
    }

    [Fact]
    public async Task Edit_CapacityAndQuotaAreNumberBoxes_ReadAsTeamsSendsThemAndBadValuesRefusedInFrench()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 30, quota: 2));
        var form = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.edit", Data(lab.Id))).Card;
        var capacity = CardReader.FindInput(form, "capacity")!;
        var quota = CardReader.FindInput(form, "quota")!;

        ((string?)capacity["type"], (int?)capacity["min"], (int?)capacity["max"], (int?)capacity["value"]).ShouldBe(("Input.Number", 1, 5000, 30));
        ((string?)quota["type"], (int?)quota["value"]).ShouldBe(("Input.Number", 2));
        ((string?)capacity["errorMessage"]).ShouldBe("Indiquez un nombre entier de places, de 1 à 5 000.");
        (await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["quota"] = "1.5" }))).AllText.ShouldContain("Le quota est un nombre entre 1 et le nombre de places (30)");
        (await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["capacity"] = "abc" }))).AllText.ShouldContain("Indiquez un nombre de places entre 1 et 5000.");
        var withoutCapacity = Form(form, new Dictionary<string, string>());
        withoutCapacity.Remove("capacity");
        (await Teams.InvokeAsync(TeamsUser.Alex, "labs.save", FormData(form, withoutCapacity))).AllText.ShouldContain("Indiquez un nombre de places entre 1 et 5000.");
        (await LabAsync(lab.Id)).Capacity.ShouldBe(30);

        var saved = await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["capacity"] = "40", ["quota"] = string.Empty }));

        CardReader.AllText(saved.UpdatedCard!).ShouldContain("Modifications enregistrées.");
        (await LabAsync(lab.Id)).ShouldSatisfyAllConditions(after => after.Capacity.ShouldBe(40), after => after.CommuneQuota.ShouldBeNull());
        CardReader.FindInput((await Teams.InvokeAsync(TeamsUser.Alex, "labs.edit", Data(lab.Id))).Card, "quota")!["value"].ShouldBeNull();
    }

    // What Teams sends when a number box is empty or holds no number: the input is left out of the button's data.
    private static JsonObject FormData(JsonObject form, Dictionary<string, string> inputs)
    {
        var data = CardReader.FindAction(form, "Enregistrer")["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return data;
    }

    [Fact]
    public async Task Edit_NewDate_RegistrantsToldAndReminderMoved()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 3));
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));
        var form = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.edit", Data(lab.Id))).Card;
        var newDate = BelgianTime.ToBrussels(lab.Details.StartsAt).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var saved = await Teams.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Form(form, new Dictionary<string, string> { ["date"] = newDate }));

        CardReader.AllText(saved.UpdatedCard!).ShouldContain("1 personne inscrite en est prévenue");
        (await WaitForCardsToAsync(TeamsUser.Patti, "Séminaire modifié")).Count.ShouldBe(1);
        var after = await LabAsync(lab.Id);
        var jobs = await Bot.Services.GetRequiredService<JobBook>().ListAsync(LabReminderJob.JobKind).ToListAsync();
        jobs.ShouldContain(job => job.DueAt == after.Details.StartsAt - TimeSpan.FromDays(1));
        var tidyJobs = await Bot.Services.GetRequiredService<JobBook>().ListAsync(LabInboxTidyJob.JobKind).ToListAsync();
        tidyJobs.ShouldContain(job => job.DueAt == after.Details.StartsAt + TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task CloseThenReopen_OfficersRefusedWhileClosed()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;

        var closed = await Teams.ClickAsync(TeamsUser.Alex, list, "Clôturer les inscriptions");
        (await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id))).AllText.ShouldContain("sont clôturées");
        await Teams.ClickAsync(TeamsUser.Alex, closed.UpdatedCard!, "Rouvrir les inscriptions");

        CardReader.AllText((await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id))).UpdatedCard!).ShouldContain("Inscription confirmée");
    }

    [Fact]
    public async Task PromoteByHand_FullLab_GivesASeatAndTellsThePerson()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;

        var promoted = await Teams.ClickAsync(TeamsUser.Alex, list, "Donner une place");

        CardReader.AllText(promoted.UpdatedCard!).ShouldContain("la capacité passe à 2");
        (await WaitForCardsToAsync(TeamsUser.Lynne, "Une place s'est libérée")).Count.ShouldBe(1);
        var after = await LabAsync(lab.Id);
        (after.Capacity, after.Confirmed.Count()).ShouldBe((2, 2));
    }
}
