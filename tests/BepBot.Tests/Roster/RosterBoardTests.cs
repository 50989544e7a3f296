using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Roster;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Roster;

/// <summary>
/// « Annuaire » in the staff tab: the roster with who BepBot can reach, and the import previewed and confirmed by the
/// chat's own preview and confirmation. Megan, Patti and Alex opened BepBot; Adele, Isaiah and Lynne never did.
/// </summary>
public sealed class RosterBoardTests() : ConnectedBotTest([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti])
{
    private static readonly TeamsUser Bob = new("29:bob-bep", "Bob Martin", "5b0b5b0b-1111-4222-8333-444455556666");

    private static readonly string Changed = RosterImportTests.DemoByEmail
        .Replace("Megan Bowen,bourgmestre", "Megan Bowen-Durant,bourgmestre", StringComparison.Ordinal)
        .Replace("patti.fernandez@bepbot-demo.example,Patti Fernandez,officer,Namur\n", string.Empty, StringComparison.Ordinal)
        + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n";

    [Fact]
    public async Task Page_EveryMemberWithWhetherBepBotCanReachThem()
    {
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "roster");

        var reach = page.Block<FactsBlock>("Qui BepBot peut joindre");
        reach.Facts.Single(fact => fact.Label == "bourgmestre").ShouldBe(new Fact("bourgmestre", "1 joignable sur 3", CellTone.Warning));
        reach.Text!.ShouldStartWith("3 personnes sur 6 peuvent recevoir les messages de BepBot.");
        var members = page.Block<TableBlock>("Membres de l'annuaire").Rows;
        members.Select(member => (member.Texts()["name"], member.Group)).ShouldBe([
            ("Alex Wilber", "personnel du BEP"), ("Adele Vance", "bourgmestre"), ("Isaiah Langer", "bourgmestre"), ("Megan Bowen", "bourgmestre"),
            ("Lynne Robbins", "personnel communal"), ("Patti Fernandez", "personnel communal")]);
        var megan = members.Single(member => member.Texts()["name"] == "Megan Bowen").Cells["reach"];
        (megan.Text.StartsWith("Joignable depuis le ", StringComparison.Ordinal), megan.Tone).ShouldBe((true, CellTone.Good));
        members.Single(member => member.Texts()["name"] == "Adele Vance").Cells["reach"]
            .ShouldBe(new DashboardCell(Fr("Non joignable : BepBot n'a pas encore été ouvert dans Teams, ou en a été retiré depuis"), Tone: CellTone.Warning));
        var import = page.Block<FormBlock>("Importer un annuaire");
        (import.Verb, import.Fields.Single().Kind).ShouldBe(("roster.import", FormFieldKind.File));
    }

    [Fact]
    public async Task Page_LoadedAgainWithinHalfAMinute_ShowsTheSameReading_ThenANewerOneIsTakenInTheBackground()
    {
        var first = await Bot.LoadPageAsync(TeamsUser.Alex, "roster");
        first.Block<FactsBlock>("Qui BepBot peut joindre").Text!.ShouldContain(Fr("Joignabilité relevée à "));
        // Megan's conversation disappears behind the page's back (another instance found it gone, say).
        (await Bot.Store.DeleteAsync($"conversations/personal/{TeamsUser.Megan.AadObjectId}")).ShouldBeTrue();

        var again = await Bot.LoadPageAsync(TeamsUser.Alex, "roster");

        ReachOf(again, "Megan Bowen").Tone.ShouldBe(CellTone.Good, "a thousand reads per load are seconds: the page shows the last reading");
        Bot.Clock.Offset += TimeSpan.FromSeconds(31);
        await Eventually.WaitUntilAsync(
            async () => ReachOf(await Bot.LoadPageAsync(TeamsUser.Alex, "roster"), "Megan Bowen").Tone == CellTone.Warning,
            TimeSpan.FromSeconds(15),
            () => "the newer reading never came");
    }

    private static DashboardCell ReachOf(DashboardView page, string name) =>
        page.Block<TableBlock>("Membres de l'annuaire").Rows.Single(member => member.Texts()["name"] == name).Cells["reach"];

    [Fact]
    public async Task Import_PreviewedInTheTab_ThenConfirmed_AppliesExactlyThatOnce()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");

        var preview = await ImportAsync(TeamsUser.Alex, Changed);

        preview.Done.ShouldBeTrue();
        var view = preview.Next!;
        view.Title.ShouldBe(Fr("Importer l'annuaire : « annuaire-juin.csv »"));
        view.Block<FactsBlock>("Ce que le fichier change").Text.ShouldBe("1 personne ajoutée · 1 personne modifiée · 1 personne retirée · 4 personnes inchangées");
        view.Block<TableBlock>("1 personne ajoutée").Rows.Single().Texts().ShouldBe(new Dictionary<string, string>
        {
            ["name"] = "Anne Dupont", ["email"] = "anne.dupont@gesves.be", ["role"] = "bourgmestre de Gesves",
        });
        view.Block<TableBlock>("1 personne modifiée").Rows.Single().Texts()["changes"].ShouldBe(Fr("nom « Megan Bowen » → « Megan Bowen-Durant »"));
        view.Block<TableBlock>("1 personne retirée").Rows.Single().Texts()["name"].ShouldBe("Patti Fernandez");
        var buttons = view.Block<ButtonsBlock>(Fr("Appliquer ces changements ?")).Buttons;
        buttons.Select(button => (button.Label, button.Verb)).ShouldBe([("Confirmer", "roster.confirmImport"), ("Annuler", "roster.cancelImport")]);
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(before);

        var confirmed = await Bot.RunActionAsync(TeamsUser.Alex, "roster.confirmImport", buttons[0].Data!);
        var again = await Bot.RunActionAsync(TeamsUser.Alex, "roster.confirmImport", buttons[0].Data!);

        confirmed.Done.ShouldBeTrue();
        confirmed.Message.ShouldBe(Fr("« annuaire-juin.csv » est appliqué : 1 personne ajoutée, 1 personne modifiée, 1 personne retirée, 4 personnes inchangées."));
        confirmed.Next!.Title.ShouldBe("Annuaire");
        var roster = await Bot.Services.GetRequiredService<RosterDirectory>().GetLatestAsync();
        roster.Members.Select(member => member.Name).ShouldBe(["Alex Wilber", "Megan Bowen-Durant", "Adele Vance", "Isaiah Langer", "Lynne Robbins", "Anne Dupont"]);
        roster.UpdatedBy.ShouldBe("Alex Wilber");
        again.ShouldBe(DashboardActionResult.Refused(Fr("Cette importation a déjà été appliquée ; rien n'a été modifié une seconde fois.")));
    }

    [Fact]
    public async Task Import_PreviewedInTheTab_IsTheChatsImport_OnlyItsAuthorConfirmsItEvenInChat()
    {
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, new Member(Bob.AadObjectId, Bob.Name, "bob.martin@bep.be", Role.BepStaff, null)], "test");
        var data = (await ImportAsync(TeamsUser.Alex, Changed.Replace("lynne.robbins", "bob.martin@bep.be,Bob Martin,bep-staff,\nlynne.robbins", StringComparison.Ordinal)))
            .Next!.Block<ButtonsBlock>(Fr("Appliquer ces changements ?")).Buttons[0].Data!;
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");

        var byBob = await Bot.RunActionAsync(Bob, "roster.confirmImport", data);
        var cancelByBob = await Bot.RunActionAsync(Bob, "roster.cancelImport", data);

        byBob.ShouldBe(DashboardActionResult.Refused(Fr("Cet aperçu appartient à la personne qui a envoyé le fichier (Alex Wilber) : vous ne pouvez ni le confirmer ni l'annuler à sa place. Rien n'a été modifié.")));
        cancelByBob.ShouldBe(byBob);
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
        (await Teams.InvokeAsync(TeamsUser.Alex, "roster.confirmImport", data)).AllText.ShouldContain(Fr("« annuaire-juin.csv » est appliqué"));
    }

    [Fact]
    public async Task Import_Cancelled_LeavesTheRoster_AndALaterConfirmIsRefused()
    {
        var data = (await ImportAsync(TeamsUser.Alex, Changed)).Next!.Block<ButtonsBlock>(Fr("Appliquer ces changements ?")).Buttons[1].Data!;
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");

        var cancelled = await Bot.RunActionAsync(TeamsUser.Alex, "roster.cancelImport", data);
        var confirmed = await Bot.RunActionAsync(TeamsUser.Alex, "roster.confirmImport", data);

        cancelled.ShouldBe(new DashboardActionResult(true, Fr("« annuaire-juin.csv » n'a pas été importé : l'annuaire reste tel quel."), cancelled.Next));
        confirmed.Done.ShouldBeFalse();
        confirmed.Message.ShouldBe(Fr("Cette importation a été annulée ; rien n'a été modifié. Choisissez à nouveau le fichier pour obtenir un nouvel aperçu."));
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(before);
    }

    [Fact]
    public async Task RefusalOfTheSharedImport_IsWordedForTheTabInTheTab_AndForTheChatInTheChat()
    {
        var data = (await ImportAsync(TeamsUser.Alex, Changed)).Next!.Block<ButtonsBlock>(Fr("Appliquer ces changements ?")).Buttons[1].Data!;
        await Bot.RunActionAsync(TeamsUser.Alex, "roster.cancelImport", data);

        var inTheTab = await Bot.RunActionAsync(TeamsUser.Alex, "roster.confirmImport", data);
        var inTheChat = await Teams.InvokeAsync(TeamsUser.Alex, "roster.confirmImport", data);

        inTheTab.Message.ShouldNotContain("renvoyez", Case.Insensitive);
        inTheTab.Message.ShouldEndWith(Fr("Choisissez à nouveau le fichier pour obtenir un nouvel aperçu."));
        inTheChat.AllText.ShouldContain(Fr("Renvoyez-moi le fichier pour obtenir un nouvel aperçu."));
    }

    [Fact]
    public async Task Import_BadLinesOrNotStaff_EachSaysWhy_NothingStored()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");
        var bad = RosterImportTests.DemoByEmail.Replace("Isaiah Langer,bourgmestre,Couvin", "Isaiah Langer,maire,Couvin", StringComparison.Ordinal);

        var rejected = await ImportAsync(TeamsUser.Alex, bad);

        rejected.Done.ShouldBeFalse();
        rejected.Message.ShouldBe(Fr("« annuaire-juin.csv » n'a pas été importé : corrigez les lignes ci-dessous, puis choisissez à nouveau le fichier. Rien n'a été modifié."));
        var line = rejected.Next!.Block<TableBlock>("1 ligne à corriger").Rows.Single();
        line.Texts()["line"].ShouldBe("5");
        line.Texts()["problem"].ShouldContain("maire");
        Bot.Action("roster.import").IsAllowed(await Bot.UserAsync(TeamsUser.Megan)).ShouldBeFalse();
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
    }

    [Fact]
    public async Task Export_FromTheTab_IsTheChatsFileWithTheImportsColumns()
    {
        var result = await Bot.RunActionAsync(TeamsUser.Alex, "roster.export", new JsonObject());

        var file = result.Next!.Block<ButtonsBlock>("Fichiers à télécharger").Buttons.Single();
        file.Label.ShouldBe("Annuaire (CSV)");
        var csv = await Teams.Http.GetStringAsync(new Uri(file.Href!).PathAndQuery);
        csv.TrimStart('\uFEFF').ShouldStartWith("email,name,role,commune,aadObjectId,tenantId");
        csv.ShouldContain("megan.bowen@bepbot-demo.example,Megan Bowen,bourgmestre,Namur," + TeamsUser.Megan.AadObjectId);
    }

    private Task<DashboardActionResult> ImportAsync(TeamsUser user, string csv) =>
        Bot.RunActionAsync(user, "roster.import", new JsonObject { ["file"] = csv, ["fileName"] = "annuaire-juin.csv" });
}
