using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Territory;
using BepBot.Tests.Exports;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace BepBot.Tests.Roster;

/// <summary>
/// Staff send the roster as a CSV file in a personal chat (Teams file upload, served by a loopback server), see what it
/// changes, and confirm or cancel; `annuaire` exports it with the same columns.
/// </summary>
public sealed class RosterImportTests() : FileUploadTest(
    new Dictionary<string, string?> { ["FileImports:DownloadTimeout"] = "00:00:02" },
    services => services.AddFakeLogging())
{
    private const string CommuneTenant = "3c9a7e51-2b4d-4f60-8a1e-5d7c9b0f2a64";
    private const string AnneObjectId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    // The demo roster by e-mail only, as staff first register people.
    internal const string DemoByEmail = """
        email,name,role,commune
        alex.wilber@bepbot-demo.example,Alex Wilber,bep-staff,
        megan.bowen@bepbot-demo.example,Megan Bowen,bourgmestre,Namur
        adele.vance@bepbot-demo.example,Adele Vance,bourgmestre,Dinant
        isaiah.langer@bepbot-demo.example,Isaiah Langer,bourgmestre,Couvin
        patti.fernandez@bepbot-demo.example,Patti Fernandez,officer,Namur
        lynne.robbins@bepbot-demo.example,Lynne Robbins,officer,Ciney

        """;

    private static readonly TeamsUser Bob = new("29:bob-bep", "Bob Martin", "5b0b5b0b-1111-4222-8333-444455556666");

    [Fact]
    public async Task Preview_ShowsAddedChangedFieldByFieldAndRemoved_ThenConfirm_AppliesExactlyThat()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");
        var csv = DemoByEmail
            .Replace("Megan Bowen,bourgmestre", "Megan Bowen-Durant,bourgmestre", StringComparison.Ordinal)
            .Replace("Lynne Robbins,officer,Ciney", "Lynne Robbins,bourgmestre,Ciney", StringComparison.Ordinal)
            .Replace("patti.fernandez@bepbot-demo.example,Patti Fernandez,officer,Namur\n", string.Empty, StringComparison.Ordinal)
            + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n";

        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", csv)).Card;

        var text = CardReader.AllText(preview);
        text.ShouldContain(Fr("Importer l'annuaire : « annuaire.csv »"));
        text.ShouldContain("1 personne ajoutée · 2 personnes modifiées · 1 personne retirée · 3 personnes inchangées");
        text.ShouldContain("Anne Dupont — bourgmestre de Gesves · anne.dupont@gesves.be");
        text.ShouldContain(Fr("Megan Bowen (megan.bowen@bepbot-demo.example) : nom « Megan Bowen » → « Megan Bowen-Durant »"));
        text.ShouldContain(Fr("Lynne Robbins (lynne.robbins@bepbot-demo.example) : rôle personnel communal → bourgmestre"));
        text.ShouldContain("Patti Fernandez (patti.fernandez@bepbot-demo.example)");
        CardReader.ButtonTitles(preview).ShouldBe(["Confirmer", "Annuler"]);
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(before);

        var confirmed = await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer");

        CardReader.AllText(confirmed.UpdatedCard!).ShouldContain(
            Fr("« annuaire.csv » est appliqué : 1 personne ajoutée, 2 personnes modifiées, 1 personne retirée, 3 personnes inchangées."));
        var roster = await RosterAsync();
        roster.Members.Select(member => member.Email).ShouldBe([
            "alex.wilber@bepbot-demo.example", "megan.bowen@bepbot-demo.example", "adele.vance@bepbot-demo.example",
            "isaiah.langer@bepbot-demo.example", "lynne.robbins@bepbot-demo.example", "anne.dupont@gesves.be"]);
        roster.Members.Single(member => member.Email.StartsWith("megan", StringComparison.Ordinal)).Name.ShouldBe("Megan Bowen-Durant");
        roster.Members.Single(member => member.Email.StartsWith("lynne", StringComparison.Ordinal)).Role.ShouldBe(Role.Bourgmestre);
        roster.Members.Single(member => member.Email == "anne.dupont@gesves.be").IsPending.ShouldBeTrue();
        // Those the file lists by e-mail keep the object id they were bound to.
        roster.Members.Single(member => member.Email.StartsWith("alex", StringComparison.Ordinal)).AadObjectId.ShouldBe(TeamsUser.Alex.AadObjectId);
        roster.IsDemo.ShouldBeFalse();
        roster.UpdatedBy.ShouldBe("Alex Wilber");
        (await Client.SayAsync(TeamsUser.Lynne, "qui suis-je")).AllText.ShouldContain("bourgmestre de Ciney");

        var logs = Bot.Services.GetFakeLogCollector().GetSnapshot();
        logs.ShouldContain(record => record.Message.Contains("applied by", StringComparison.Ordinal) && record.Message.Contains("1 added, 2 changed, 1 removed, 3 unchanged", StringComparison.Ordinal));
        logs.ShouldNotContain(record => record.Message.Contains(TeamsUser.Alex.AadObjectId, StringComparison.Ordinal) || record.Message.Contains("@bepbot-demo.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfirmAgain_OrCancelAfterConfirm_ChangesNothingMore()
    {
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n")).Card;
        await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer");
        var applied = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");

        (await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer")).AllText.ShouldContain(Fr("Cette importation a déjà été appliquée ; rien n'a été modifié une seconde fois."));
        (await Client.ClickAsync(TeamsUser.Alex, preview, "Annuler")).AllText.ShouldContain(Fr("Cette importation a déjà été confirmée : elle ne peut plus être annulée."));

        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(applied);
    }

    [Fact]
    public async Task Cancel_LeavesTheRosterAsItIs_AndALaterConfirmIsRefused()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n")).Card;

        var cancelled = await Client.ClickAsync(TeamsUser.Alex, preview, "Annuler");

        CardReader.AllText(cancelled.UpdatedCard!).ShouldContain(Fr("« annuaire.csv » n'a pas été importé : l'annuaire reste tel quel."));
        (await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer")).AllText.ShouldContain(Fr("Cette importation a été annulée ; rien n'a été modifié."));
        (await Client.ClickAsync(TeamsUser.Alex, preview, "Annuler")).AllText.ShouldContain("Cette importation a été annulée");
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(before);
    }

    [Fact]
    public async Task PreviewOlderThanADay_ConfirmRefused_AndItsRowsDeletedAtTheNextFile()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n")).Card;
        var oldImport = (await Bot.KeysAsync("roster/imports/")).ShouldHaveSingleItem();

        Bot.Clock.Offset = TimeSpan.FromHours(25);
        var late = await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer");

        late.AllText.ShouldContain(Fr("a expiré : un aperçu se confirme dans les 24 heures. Rien n'a été modifié ; renvoyez-moi le fichier pour obtenir un nouvel aperçu."));
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(before);
        await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "anne.dupont@gesves.be,Anne Dupont,officer,Gesves\n");
        var keys = await Bot.KeysAsync("roster/imports/");
        keys.ShouldHaveSingleItem().ShouldNotBe(oldImport);
        (await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer")).AllText.ShouldContain("Je ne trouve pas cette importation");
    }

    [Fact]
    public async Task TwoConfirmClicksAtOnce_AppliedOnce()
    {
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n")).Card;

        var clicks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer")));

        clicks.Count(click => click.AllText.Contains("est appliqué", StringComparison.Ordinal)).ShouldBe(1);
        clicks.Count(click => click.AllText.Contains("déjà été appliquée", StringComparison.Ordinal)).ShouldBe(2);
        (await RosterAsync()).Members.Count(member => member.Email == "anne.dupont@gesves.be").ShouldBe(1);
    }

    [Fact]
    public async Task RosterChangedSincePreview_ConfirmAppliesNothing_AndSendsAFreshPreview()
    {
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n")).Card;
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, new Member(Member.PendingIdOf("jean@ciney.be"), "Jean Martin", "jean@ciney.be", Role.Officer, "Ciney")], "test");
        var changed = await StoreSnapshot.TakeAsync(Bot.Store, "roster/current");

        var stale = await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer");

        CardReader.AllText(stale.UpdatedCard!).ShouldContain(Fr("L'annuaire a changé depuis cet aperçu : rien n'a été appliqué."));
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/current")).ShouldBe(changed);
        var fresh = stale.Card;
        CardReader.AllText(fresh).ShouldContain("1 personne ajoutée · 0 personne modifiée · 1 personne retirée · 6 personnes inchangées");
        CardReader.AllText(fresh).ShouldContain("Jean Martin (jean@ciney.be)");
        (await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer")).AllText.ShouldContain("remplacé par un plus récent");

        (await Client.ClickAsync(TeamsUser.Alex, fresh, "Confirmer")).AllText.ShouldContain("est appliqué");
        (await RosterAsync()).Members.ShouldNotContain(member => member.Email == "jean@ciney.be");
    }

    [Fact]
    public async Task BoundPerson_ListedByEmailOnly_KeepsTheBinding_AndTheOriginalFileChangesNothing()
    {
        var anne = new Member(AnneObjectId, "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves", CommuneTenant);
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(roster => [.. roster.Members, anne], "test");
        var original = DemoByEmail + "Anne.Dupont@gesves.be,Anne Dupont,bourgmestre,Gesves\n";

        var same = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", original.Replace("Anne.Dupont@", "anne.dupont@", StringComparison.Ordinal))).Card;

        CardReader.AllText(same).ShouldContain("0 personne ajoutée · 0 personne modifiée · 0 personne retirée · 7 personnes inchangées");
        CardReader.AllText(same).ShouldContain(Fr("L'annuaire correspond déjà à ce fichier : il n'y a rien à importer."));
        CardReader.ButtonTitles(same).ShouldBeEmpty();
        (await Bot.KeysAsync("roster/imports/")).ShouldBeEmpty();

        var moved = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", original.Replace("Anne Dupont,bourgmestre,Gesves", "Anne Dupont,officer,Gesves", StringComparison.Ordinal))).Card;
        CardReader.AllText(moved).ShouldContain(Fr("Anne Dupont (anne.dupont@gesves.be) : e-mail anne.dupont@gesves.be → Anne.Dupont@gesves.be ; rôle bourgmestre → personnel communal"));
        await Client.ClickAsync(TeamsUser.Alex, moved, "Confirmer");
        var bound = (await RosterAsync()).Members.Single(member => member.Email == "Anne.Dupont@gesves.be");
        (bound.AadObjectId, bound.TenantId, bound.Role).ShouldBe((AnneObjectId, CommuneTenant, Role.Officer));
    }

    [Fact]
    public async Task BoundPerson_MovedToAnotherTenantByTheFile_LosesTheBinding_AndThePreviewSaysSo()
    {
        const string OtherTenant = "99999999-9999-9999-9999-999999999999";
        var anne = new Member(AnneObjectId, "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves", CommuneTenant);
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(roster => [.. roster.Members, anne], "test");
        var csv = $"""
            email,name,role,commune,tenantId
            alex.wilber@bepbot-demo.example,Alex Wilber,bep-staff,,
            megan.bowen@bepbot-demo.example,Megan Bowen,bourgmestre,Namur,
            adele.vance@bepbot-demo.example,Adele Vance,bourgmestre,Dinant,
            isaiah.langer@bepbot-demo.example,Isaiah Langer,bourgmestre,Couvin,
            patti.fernandez@bepbot-demo.example,Patti Fernandez,officer,Namur,
            lynne.robbins@bepbot-demo.example,Lynne Robbins,officer,Ciney,
            anne.dupont@gesves.be,Anne Dupont,bourgmestre,Gesves,{OtherTenant}
            """;

        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", csv)).Card;

        CardReader.AllText(preview).ShouldContain(Fr($"Anne Dupont (anne.dupont@gesves.be) : identifiant Entra {AnneObjectId} → en attente de sa première connexion ; tenant {CommuneTenant} → {OtherTenant}"));
        CardReader.AllText(preview).ShouldContain("0 personne ajoutée · 1 personne modifiée · 0 personne retirée · 6 personnes inchangées");
        await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer");
        var moved = (await RosterAsync()).Members.Single(member => member.Email == "anne.dupont@gesves.be");
        (moved.IsPending, moved.TenantId).ShouldBe((true, OtherTenant));
    }

    [Fact]
    public async Task ExportFromTheRosterCard_ThenImportTheFile_ChangesNothing()
    {
        var anne = new Member(AnneObjectId, "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves", CommuneTenant);
        var jean = new Member(Member.PendingIdOf("jean@ciney.be"), "Jean Martin", "jean@ciney.be", Role.Officer, "Ciney", CommuneTenant);
        // A name a spreadsheet would run as a formula is neutralised in the file, and read back as it was.
        var hostile = new Member(Member.PendingIdOf("calc@ciney.be"), "=HYPERLINK(\"http://x.example\")", "calc@ciney.be", Role.Officer, "Ciney");
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(roster => [.. roster.Members, anne, jean, hostile], "test");
        var card = (await Client.SayAsync(TeamsUser.Alex, "annuaire")).Card;

        var export = await Client.ClickAsync(TeamsUser.Alex, card, "Exporter l'annuaire (CSV)");

        export.AllText.ShouldContain("Ce lien personnel est valable 15 minutes.");
        var file = await ExportFiles.DownloadAsync(Client, ExportFiles.LinksIn(export.AllText).Single());
        var records = ExportFiles.ReadCsv(file);
        records[0].ShouldBe(["email", "name", "role", "commune", "aadObjectId", "tenantId"]);
        records.ShouldContain(record => record.SequenceEqual(new[] { "anne.dupont@gesves.be", "Anne Dupont", "bourgmestre", "Gesves", AnneObjectId, CommuneTenant }));
        records.ShouldContain(record => record.SequenceEqual(new[] { "jean@ciney.be", "Jean Martin", "officer", "Ciney", string.Empty, CommuneTenant }));
        records.ShouldContain(record => record.SequenceEqual(new[] { "alex.wilber@bepbot-demo.example", "Alex Wilber", "bep-staff", string.Empty, TeamsUser.Alex.AadObjectId, string.Empty }));
        records.ShouldContain(record => record[1] == "'=HYPERLINK(\"http://x.example\")");

        var reimported = (await Files.UploadAsync(Client, TeamsUser.Alex, "annuaire-bepbot.csv", file)).Card;

        CardReader.AllText(reimported).ShouldContain("0 personne ajoutée · 0 personne modifiée · 0 personne retirée · 9 personnes inchangées");
        CardReader.ButtonTitles(reimported).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExportCommand_StaffOnly()
    {
        (await Client.SayAsync(TeamsUser.Alex, "exporter l'annuaire")).AllText.ShouldContain("Voici l'annuaire au format CSV");
        (await Client.SayAsync(TeamsUser.Alex, "export roster")).AllText.ShouldContain("Voici l'annuaire au format CSV");
        var refused = await Client.SayAsync(TeamsUser.Megan, "exporter l'annuaire");
        refused.AllText.ShouldContain("réservée au personnel du BEP");
        ExportFiles.LinksIn(refused.AllText).ShouldBeEmpty();
        (await Client.InvokeAsync(TeamsUser.Patti, ExportRoster.Verb, new JsonObject())).AllText.ShouldContain("réservée au personnel du BEP");
    }

    [Fact]
    public async Task BadRows_EveryOneByLineNumber_NoConfirmButton_NothingStored()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");
        var csv = "\uFEFFemail;name;role;commune\r\n"
            + "alex.wilber@bepbot-demo.example;Alex Wilber;bep-staff;\r\n"
            + "anne@gesves.be;Anne Dupont;bourgmestre;Atlantis\r\n"
            + "marc@namur.be;Marc Dubois;bourgmestre;Namur\r\n"
            + "sophie@namur.be;Sophie Lens;bourgmestre;Namur\r\n"
            + "ANNE@gesves.be;Anne Bis;officer;Gesves\r\n"
            + "paul@ciney.be;Paul Roux;maire;Ciney\r\n"
            + "pas-une-adresse;Luc Noir;officer;Ciney\r\n"
            + "eva@dinant.be;Eva Blanc;officer\r\n";

        var card = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", csv)).Card;

        var lines = CardReader.Nodes(card).Where(node => (string?)node["type"] == "TextBlock").Select(node => (string)node["text"]!).ToList();
        lines[0].ShouldBe(Fr("« annuaire.csv » n'a pas été importé : corrigez les lignes ci-dessous puis renvoyez-le-moi. Rien n'a été modifié."));
        lines.ShouldContain(Fr("Ligne 3 : « Atlantis » n'est pas une des 40 communes."));
        lines.ShouldContain(Fr("Ligne 5 : La commune Namur a déjà une ligne bourgmestre (ligne 4)."));
        lines.ShouldContain(Fr("Ligne 6 : Adresse e-mail déjà présente à la ligne 3."));
        lines.ShouldContain(Fr("Ligne 7 : Rôle « maire » inconnu (attendu : bep-staff, bourgmestre ou officer, ou en toutes lettres : personnel du BEP, personnel communal)."));
        lines.ShouldContain(Fr("Ligne 8 : L'adresse e-mail « pas-une-adresse » n'est pas valide."));
        lines.ShouldContain(line => line.StartsWith(Fr("Ligne 9 : 3 colonne"), StringComparison.Ordinal));
        lines.Count(line => line == "6 lignes à corriger").ShouldBe(1);
        CardReader.ButtonTitles(card).ShouldBeEmpty();
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
    }

    [Fact]
    public async Task RosterOf450_PreviewAndErrorCards_StayUnderTeamsCardLimit()
    {
        var rows = new StringBuilder(DemoByEmail.Split('\n')[0] + "\nalex.wilber@bepbot-demo.example,Alex Wilber,bep-staff,\n");
        var bad = new StringBuilder("email,name,role,commune\n");
        for (var i = 1; i < 450; i++)
        {
            var commune = TerritoryMap.Communes[i % TerritoryMap.Communes.Count].Name;
            rows.Append(CultureInfo.InvariantCulture, $"agent.numero{i:000}@commune-{i % 40:00}.be,Agent communal numéro {i:000} de {commune},officer,{commune}\n");
            bad.Append(CultureInfo.InvariantCulture, $"agent.numero{i:000}@commune-{i % 40:00}.be,Agent communal numéro {i:000},officer,Atlantis\n");
        }

        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", rows.ToString())).Card;
        var rejected = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", bad.ToString())).Card;

        CardReader.AllText(preview).ShouldContain("449 personnes ajoutées · 0 personne modifiée · 5 personnes retirées · 1 personne inchangée");
        CardReader.AllText(preview).ShouldContain("… et 429 autres.");
        CardReader.AllText(rejected).ShouldContain("… et 419 autres.");
        preview.ToJsonString().Length.ShouldBeLessThan(28 * 1024, "the card must stay within Teams' size limit");
        rejected.ToJsonString().Length.ShouldBeLessThan(28 * 1024, "the card must stay within Teams' size limit");
    }

    [Fact]
    public async Task ImportRemovingEveryBoundStaffMember_RefusedAtPreview()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");
        var csv = DemoByEmail.Replace("alex.wilber@bepbot-demo.example,Alex Wilber,bep-staff,\n", "nouveau@bep.be,Nouvelle Recrue,bep-staff,\n", StringComparison.Ordinal);

        var card = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", csv)).Card;

        CardReader.AllText(card).ShouldContain("Cet annuaire ne garderait aucun membre du personnel du BEP lié à son compte Teams");
        CardReader.ButtonTitles(card).ShouldBeEmpty();
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
        Bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record => record.Message.Contains("refused: no staff left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClickByAnotherStaffMember_ByNonStaff_OrWithAForgedId_Refused()
    {
        await Bot.Services.GetRequiredService<RosterDirectory>().ChangeAsync(
            roster => [.. roster.Members, new Member(Bob.AadObjectId, Bob.Name, "bob.martin@bep.be", Role.BepStaff, null)], "test");
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "bob.martin@bep.be,Bob Martin,bep-staff,\nanne@gesves.be,Anne Dupont,bourgmestre,Gesves\n")).Card;
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");

        (await Client.ClickAsync(Bob, preview, "Confirmer")).AllText.ShouldContain(Fr("Cet aperçu appartient à la personne qui a envoyé le fichier (Alex Wilber) : vous ne pouvez ni le confirmer ni l'annuler à sa place."));
        (await Client.ClickAsync(Bob, preview, "Annuler")).AllText.ShouldContain("Cet aperçu appartient à la personne qui a envoyé le fichier (Alex Wilber)");
        (await Client.ClickAsync(TeamsUser.Megan, preview, "Confirmer")).AllText.ShouldContain("réservée au personnel du BEP");
        (await Client.InvokeAsync(TeamsUser.Alex, "roster.confirmImport", new JsonObject { ["importId"] = new string('a', 32) })).AllText.ShouldContain("Je ne trouve pas cette importation");
        (await Client.InvokeAsync(TeamsUser.Alex, "roster.confirmImport", new JsonObject { ["importId"] = "../current" })).AllText.ShouldContain("Je ne trouve pas cette importation");
        (await Client.InvokeAsync(TeamsUser.Alex, "roster.cancelImport", new JsonObject { ["importId"] = "x", ["extra"] = 1 })).AllText.ShouldContain("données invalides");

        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
        Bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record => record.Level == LogLevel.Warning && record.Message.Contains("refused (not its author)", StringComparison.Ordinal));
        (await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer")).AllText.ShouldContain("est appliqué");
    }

    [Fact]
    public async Task BindingConflicts_ClearedForAddressesTheFileDrops_KeptOtherwise()
    {
        var directory = Bot.Services.GetRequiredService<RosterDirectory>();
        await directory.ChangeAsync(roster => [.. roster.Members, Pending("kept@gesves.be"), Pending("gone@gesves.be")], "test");
        await directory.DecideAsync(roster => (roster with
        {
            Conflicts =
            [
                new BindingConflict(CommuneTenant, AnneObjectId, "Anne Dupont", ["kept@gesves.be"], BindingConflictReason.AlreadyBound, DateTimeOffset.UtcNow),
                new BindingConflict(CommuneTenant, "7d3c1b2a-0000-4000-8000-000000000001", "Paul Roux", ["gone@gesves.be"], BindingConflictReason.AlreadyBound, DateTimeOffset.UtcNow),
            ],
        }, true));
        var preview = (await UploadAsync(TeamsUser.Alex, "annuaire.csv", DemoByEmail + "kept@gesves.be,Anne Dupont,officer,Gesves\n")).Card;

        await Client.ClickAsync(TeamsUser.Alex, preview, "Confirmer");

        (await RosterAsync()).BindingConflicts.Select(conflict => conflict.Name).ShouldBe(["Anne Dupont"]);
    }

    [Theory]
    [InlineData("megan")]
    [InlineData("patti")]
    [InlineData("stranger")]
    public async Task FileFromNonStaff_RefusedNotDownloaded(string who)
    {
        var user = who switch { "megan" => TeamsUser.Megan, "patti" => TeamsUser.Patti, _ => TeamsUser.Stranger };
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");

        (await UploadAsync(user, "annuaire.csv", DemoByEmail)).AllText.ShouldBe("Seul le personnel du BEP peut m'envoyer des fichiers à importer. Rien n'a été modifié. Pour faire importer des données, adressez-vous à l'équipe supracommunalité du BEP.");

        Files.Requests.ShouldBeEmpty();
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
        Bot.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record => record.Message.StartsWith("File import refused to", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ConversationType.GroupChat)]
    [InlineData(ConversationType.Channel)]
    public async Task FileInAGroupChatOrChannel_Refused(ConversationType type)
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");

        (await Files.UploadAsync(Client, TeamsUser.Alex, "annuaire.csv", Encoding.UTF8.GetBytes(DemoByEmail), type)).AllText
            .ShouldBe(Fr("Envoyez-moi le fichier en conversation privée, s'il vous plaît : je n'importe rien depuis un canal ou une conversation de groupe. Rien n'a été modifié."));

        Files.Requests.ShouldBeEmpty();
        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
    }

    [Fact]
    public async Task BadFiles_TooLargeNotCsvEmptyFailedOrHungDownload_EachSaysWhyAndChangesNothing()
    {
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "roster/");
        var tenMegabytes = Encoding.UTF8.GetBytes(DemoByEmail + new string('x', 10 * 1024 * 1024));

        (await Files.UploadAsync(Client, TeamsUser.Alex, "annuaire.csv", tenMegabytes)).AllText.ShouldBe(Fr("« annuaire.csv » dépasse 5 Mo, la taille maximale que j'accepte. Rien n'a été modifié."));
        (await Files.UploadAsync(Client, TeamsUser.Alex, "annuaire.xlsx", [0x50, 0x4B, 3, 4])).AllText.ShouldBe(Fr("Je n'importe que des fichiers CSV (.csv) ; « annuaire.xlsx » n'en est pas un. Enregistrez-le au format CSV depuis votre tableur, puis renvoyez-le-moi."));
        (await Files.UploadAsync(Client, TeamsUser.Alex, "annuaire.csv", [0x50, 0x4B, 3, 4, 0, 0, 8, 0])).AllText.ShouldStartWith(Fr("« annuaire.csv » n'est pas un fichier CSV : il contient des données binaires"));
        (await Files.UploadAsync(Client, TeamsUser.Alex, "vide.csv", [])).AllText.ShouldBe(Fr("« vide.csv » est vide : il n'y a rien à importer. Rien n'a été modifié."));
        (await Files.UploadAsync(Client, TeamsUser.Alex, "bom.csv", [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n'])).AllText.ShouldStartWith(Fr("« bom.csv » est vide"));

        Files.Statuses["erreur.csv"] = 500;
        (await Files.UploadAsync(Client, TeamsUser.Alex, "erreur.csv", Encoding.UTF8.GetBytes(DemoByEmail))).AllText.ShouldBe(Fr("Je n'ai pas pu télécharger « erreur.csv ». Réessayez dans un instant."));
        Files.Delays["lent.csv"] = TimeSpan.FromSeconds(30);
        (await Files.UploadAsync(Client, TeamsUser.Alex, "lent.csv", Encoding.UTF8.GetBytes(DemoByEmail))).AllText.ShouldBe(Fr("Le téléchargement de « lent.csv » a pris trop de temps ; rien n'a été modifié. Réessayez dans un instant."));

        (await StoreSnapshot.TakeAsync(Bot.Store, "roster/")).ShouldBe(before);
        var warnings = Bot.Services.GetFakeLogCollector().GetSnapshot().Where(record => record.Level == LogLevel.Warning).Select(record => record.Message).ToList();
        warnings.ShouldContain(message => message.Contains("refused: over 5 MB", StringComparison.Ordinal));
        warnings.ShouldContain(message => message.Contains("refused: empty", StringComparison.Ordinal));
        warnings.Count(message => message.Contains("could not be downloaded", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task FileOfNeitherKindOrOfBoth_SaysWhatItExpects()
    {
        var neither = await UploadAsync(TeamsUser.Alex, "liste.csv", "nom;prénom\nDupont;Anne\n");
        var both = await UploadAsync(TeamsUser.Alex, "mix.csv", "email;commune;indicateur;année;valeur;unité;source\n");
        var unterminated = await UploadAsync(TeamsUser.Alex, "guillemet.csv", "\"nom;prénom\nDupont;Anne\n");

        neither.AllText.ShouldStartWith(Fr("Je ne sais pas quoi faire de « liste.csv » : sa première ligne ne correspond à aucun des fichiers que j'importe."));
        both.AllText.ShouldStartWith(Fr("Je ne sais pas quoi faire de « mix.csv » : sa première ligne contient les colonnes de plusieurs des fichiers que j'importe."));
        unterminated.AllText.ShouldStartWith(Fr("Je ne sais pas quoi faire de « guillemet.csv »"));
        foreach (var answer in new[] { neither.AllText, both.AllText })
        {
            answer.ShouldContain(Fr("l'annuaire, dont la première ligne est : email,name,role,commune (et facultativement aadObjectId,tenantId)"));
            answer.ShouldContain(Fr("un jeu de données de l'Observatoire, dont la première ligne est : commune;indicateur;année;valeur;unité;source"));
        }

        (await Bot.KeysAsync("roster/imports/")).ShouldBeEmpty();
        (await Bot.KeysAsync("observatoire/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AgentsPlaygroundAttachment_ContentUrlAndCsvName_Previewed()
    {
        var answer = await Files.AttachAsync(Client, TeamsUser.Alex, "annuaire.csv", "text/csv", Encoding.UTF8.GetBytes(DemoByEmail + "anne@gesves.be,Anne Dupont,bourgmestre,Gesves\n"));

        CardReader.AllText(answer.Card).ShouldContain("1 personne ajoutée · 0 personne modifiée · 0 personne retirée · 6 personnes inchangées");
        Files.Requests.ShouldBe(["annuaire.csv"]);
    }

    [Fact]
    public async Task PreviewFromEnglishTeams_InEnglish_WithEnglishPlurals()
    {
        Client.Locale = "en-US";

        var preview = (await UploadAsync(TeamsUser.Alex, "roster.csv", DemoByEmail.Replace("Lynne Robbins,officer", "Lynne Robbins,bourgmestre", StringComparison.Ordinal))).Card;

        var text = CardReader.AllText(preview);
        text.ShouldContain("Import the roster: “roster.csv”");
        text.ShouldContain("0 people added · 1 person changed · 0 people removed · 5 people unchanged");
        text.ShouldContain("Lynne Robbins (lynne.robbins@bepbot-demo.example): role commune staff → mayor");
        CardReader.ButtonTitles(preview).ShouldBe(["Confirm", "Cancel"]);
    }

    private Task<BotResponse> UploadAsync(TeamsUser user, string fileName, string csv) =>
        Files.UploadAsync(Client, user, fileName, Encoding.UTF8.GetBytes(csv));

    private static Member Pending(string email) => new(Member.PendingIdOf(email), "Anne Dupont", email, Role.Officer, "Gesves");

    private async Task<RosterDocument> RosterAsync() => (await Bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
}
