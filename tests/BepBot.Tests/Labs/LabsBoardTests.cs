using System.Text.Json.Nodes;
using BepBot.Chat.Dashboard;
using BepBot.Features.Labs;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Labs;

/// <summary>« Séminaires » in the staff tab: its pages and actions called as the tab's edge calls them, on the labs' own store.</summary>
public sealed class LabsBoardTests : LabsBotTestBase
{
    [Fact]
    public async Task Attendance_TickedInTheTab_IsWhatTheChatExportSays()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 3));
        foreach (var person in new[] { TeamsUser.Patti, TeamsUser.Lynne, TeamsUser.Megan })
        {
            await Teams.InvokeAsync(person, "labs.register", Data(lab.Id));
        }

        Bot.Clock.Offset = TimeSpan.FromDays(10) + TimeSpan.FromMinutes(30);
        var ticked = await TickAsync(lab.Id, TeamsUser.Patti, done: true);
        await TickAsync(lab.Id, TeamsUser.Lynne, done: true);
        await TickAsync(lab.Id, TeamsUser.Lynne, done: false);

        ticked.Done.ShouldBeTrue();
        ticked.Message.ShouldBe(Fr("Présence notée : Patti Fernandez."));
        var checklist = (await LabPageAsync(lab.Id)).Block<ChecklistBlock>("Présences du jour");
        checklist.Items.Select(item => (item.Label, item.Done)).ShouldBe([("Lynne Robbins", false), ("Megan Bowen", false), ("Patti Fernandez", true)]);
        checklist.Summary.ShouldBe("1 personne présente sur 3 inscrites");
        var export = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.export", Data(lab.Id))).AllText;
        var csv = await DownloadAsync(System.Text.RegularExpressions.Regex.Match(export, @"\((http[^)]+)\)").Groups[1].Value);
        csv.ShouldContain("Namur,Patti Fernandez,inscrit,,");
        csv.Split('\n').Single(line => line.Contains("Patti", StringComparison.Ordinal)).TrimEnd('\r').ShouldEndWith(",present");
        csv.Split('\n').Single(line => line.Contains("Lynne", StringComparison.Ordinal)).TrimEnd('\r').ShouldEndWith(",absent");
        csv.Split('\n').Single(line => line.Contains("Megan", StringComparison.Ordinal)).TrimEnd('\r').ShouldEndWith(",");
    }

    [Fact]
    public async Task Attendance_CancelledLabUnregisteredPersonOrNotStaff_RefusedInWordsNothingWritten()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 3));
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));
        Bot.Clock.Offset = TimeSpan.FromDays(10) + TimeSpan.FromMinutes(30);
        var before = (await Book.GetAsync(lab.Id))!.ETag;

        var notRegistered = await TickAsync(lab.Id, TeamsUser.Adele, done: true);
        var unknownLab = await TickAsync("0123456789ab", TeamsUser.Patti, done: true);

        notRegistered.ShouldBe(DashboardActionResult.Refused(Fr("Cette personne n'est plus inscrite à ce séminaire ; rien n'a été modifié. La liste ci-dessous est à jour.")));
        Bot.Action("labs.attendance").IsAllowed(await Bot.UserAsync(TeamsUser.Megan)).ShouldBeFalse();
        unknownLab.ShouldBe(DashboardActionResult.Refused(Fr("Ce séminaire n'existe pas ou plus. Revenez à la liste « Séminaires » pour voir le programme à jour.")));
        (await Book.GetAsync(lab.Id))!.ETag.ShouldBe(before);

        await Book.ChangeAsync(lab.Id, current => current with { State = LabState.Cancelled });
        var cancelled = (await Book.GetAsync(lab.Id))!;
        (await TickAsync(lab.Id, TeamsUser.Patti, done: true)).ShouldBe(DashboardActionResult.Refused(Fr("Ce séminaire a été annulé ; rien n'a été modifié. Revenez à la liste « Séminaires » pour voir les autres séminaires à venir.")));
        (await Book.GetAsync(lab.Id))!.ETag.ShouldBe(cancelled.ETag);
        (await LabPageAsync(lab.Id)).Blocks.OfType<ChecklistBlock>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Attendance_BeforeTheDay_ListNotShownAndTickRefused()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();

        var page = await LabPageAsync(lab.Id);
        var tick = await TickAsync(lab.Id, TeamsUser.Patti, done: true);

        page.Blocks.OfType<ChecklistBlock>().ShouldBeEmpty();
        page.Block<FactsBlock>("Présences du jour").Text.ShouldBe("Les présences se notent le jour du séminaire.");
        tick.ShouldBe(DashboardActionResult.Refused("Les présences se notent le jour du séminaire."));
        (await LabAsync(lab.Id)).Registrations.ShouldAllBe(registration => registration.Attended == null);
    }

    [Fact]
    public async Task Pages_ListWithFillRate_ThenRegistrationsByCommuneAndWaitingList()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();

        var list = await Bot.LoadPageAsync(TeamsUser.Alex, "labs");
        var page = await LabPageAsync(lab.Id);

        var row = list.Block<TableBlock>("Séminaires à venir et des 30 derniers jours").Rows.Single(row => row.Id == lab.Id);
        row.Link.ShouldBe($"labs?lab={lab.Id}");
        row.Texts()["fill"].ShouldStartWith("1 sur 1 place (100");
        row.Cells["fill"].Ratio.ShouldBe(1);
        row.Texts()["waiting"].ShouldBe("1");
        page.Title.ShouldBe("La cybersécurité dans nos communes");
        page.Back.ShouldBe("labs");
        page.Block<TableBlock>("Inscriptions par commune").Rows.Select(commune => (commune.Id, commune.Texts()["confirmed"], commune.Texts()["waiting"]))
            .ShouldBe([("Ciney", "0", "1"), ("Namur", "1", "0")]);
        var people = page.Block<TableBlock>("Personnes inscrites").Rows.Single();
        (people.Texts()["name"], people.Group).ShouldBe(("Patti Fernandez", "Namur"));
        var waiting = page.Block<TableBlock>("Liste d'attente").Rows.Single();
        waiting.Texts().ShouldBe(new Dictionary<string, string> { ["position"] = "1", ["name"] = "Lynne Robbins", ["commune"] = "Ciney", ["reason"] = "Séminaire complet" });
        var give = waiting.Buttons!.Single();
        (give.Label, give.Verb, give.AccessibleLabel).ShouldBe(("Donner une place", "labs.promote", "Donner une place à Lynne Robbins"));
        give.Data!.ToJsonString().ShouldBe(new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Lynne.AadObjectId }.ToJsonString());
        page.Block<ButtonsBlock>("Exports").Buttons.Single().Verb.ShouldBe("labs.export");
    }

    [Fact]
    public async Task Pages_UnknownLab_SaysItDoesNotExist()
    {
        var page = await LabPageAsync("0123456789ab");

        page.AllText().ShouldContain("Ce séminaire n'existe pas ou plus.");
        page.Back.ShouldBe("labs");
    }

    [Fact]
    public async Task GiveSeat_FromTheWaitingList_IsTheChatsPromotion()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var seat = new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = TeamsUser.Lynne.AadObjectId };

        var given = await Bot.RunActionAsync(TeamsUser.Alex, "labs.promote", seat);
        var again = await Bot.RunActionAsync(TeamsUser.Alex, "labs.promote", seat);

        given.ShouldBe(new DashboardActionResult(true, Fr("Lynne Robbins obtient une place ; un message l'en informe. Le séminaire était complet : la capacité passe à 2 places.")));
        var after = await LabAsync(lab.Id);
        after.Capacity.ShouldBe(2);
        after.StandingOf(TeamsUser.Lynne.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Confirmed);
        (await WaitForCardsToAsync(TeamsUser.Lynne, "Une place s'est libérée")).Count.ShouldBe(1);
        again.ShouldBe(DashboardActionResult.Refused("Cette personne a déjà une place."));
    }

    [Fact]
    public async Task Export_FromTheTab_OffersTheChatsFilesAsDownloads()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();

        var result = await Bot.RunActionAsync(TeamsUser.Alex, "labs.export", Data(lab.Id));

        result.Done.ShouldBeTrue();
        result.Message.ShouldStartWith(Fr("Votre export est prêt : téléchargez-le ci-dessous."));
        result.Next!.Back.ShouldBe($"labs?lab={lab.Id}");
        var files = result.Next.Block<ButtonsBlock>("Fichiers à télécharger").Buttons;
        files.Select(file => file.Label).ShouldBe(["Fichier CSV", "Tableur, une feuille par commune"]);
        var csv = await DownloadAsync(files[0].Href!);
        csv.ShouldContain("commune,nom,statut,position_attente,inscrit_le,presence");
        csv.ShouldContain("Ciney,Lynne Robbins,liste d'attente,1,");
    }

    private Task<DashboardView> LabPageAsync(string labId) =>
        Bot.LoadPageAsync(TeamsUser.Alex, "labs", new Dictionary<string, string> { ["lab"] = labId });

    private Task<DashboardActionResult> TickAsync(string labId, TeamsUser person, bool done) =>
        Bot.RunActionAsync(TeamsUser.Alex, "labs.attendance", Tick(labId, person, done));

    private static JsonObject Tick(string labId, TeamsUser person, bool done) =>
        new() { ["labId"] = labId, ["item"] = person.AadObjectId, ["done"] = done };
}
