using System.Text.Json.Nodes;
using BepBot.Features.Projects;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Projects;

public sealed class ProjectUpdateTests : ProjectsBotTest
{
    private const string Molignee = "parc-naturel-molignee";

    private static Dictionary<string, string> Inputs(string status = "completed", string progress = "100", string milestone = "Inauguration du parc", string date = "2027-06-01", string note = "Plan de gestion approuvé") => new()
    {
        ["status"] = status,
        ["progress"] = progress,
        ["phase"] = "Mise en œuvre",
        ["milestone"] = milestone,
        ["milestoneDate"] = date,
        ["note"] = note,
    };

    private async Task<JsonObject> UpdateFormAsync()
    {
        var project = (await Client.SayAsync(TeamsUser.Alex, "où en est la Molignée ?")).Card;
        CardReader.ButtonTitles(project).ShouldBe(["Voir la fiche complète", "Mettre à jour", "Voir l'historique"]);
        return (await Client.ClickAsync(TeamsUser.Alex, project, "Mettre à jour")).Card;
    }

    [Fact]
    public async Task Update_StaffSavesForm_ProjectChangedHistoryKeptAndCardSaysWhoAndWhen()
    {
        var form = await UpdateFormAsync();
        CardReader.AllText(form).ShouldContain("Version 1, mise à jour le ");

        var saved = await Client.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Inputs());

        var updated = CardReader.AllText(saved.UpdatedCard!);
        updated.ShouldContain("Terminé · 100 %");
        updated.ShouldContain("Inauguration du parc, le mardi 1er juin 2027");
        updated.ShouldContain("Plan de gestion approuvé");
        updated.ShouldMatch(@"Mis à jour le \w+ \d+(er)? \w+ 20\d\d à \d{1,2}\u00A0h(\u00A0\d\d)? par Alex Wilber · source\u00A0: BepBot");
        saved.Texts.ShouldContain(Fr("« Parc naturel de la Molignée » est mis à jour (version 2)."));

        var project = await ProjectAsync(Molignee);
        project.Version.ShouldBe(2);
        project.Status.ShouldBe(ProjectStatus.Completed);
        project.NextMilestoneDate.ShouldBe(new DateOnly(2027, 6, 1));
        project.UpdatedBy.ShouldBe("Alex Wilber");
        var history = (await Bot.Store.GetAsync<ProjectHistoryEntry>(ProjectRegisterStore.HistoryKey(Molignee, 1)))!.Value;
        history.Previous.Status.ShouldBe(ProjectStatus.InProgress);
        history.Previous.Progress.ShouldBe(50);
        history.ReplacedBy.ShouldBe("Alex Wilber");

        // Bourgmestres see the new state at once, without edit buttons.
        var megan = (await Client.SayAsync(TeamsUser.Megan, "état du parc naturel de la Molignée")).Card;
        CardReader.AllText(megan).ShouldContain(Fr("Où en est-il ? Terminé, 100 %"));
        CardReader.ButtonTitles(megan).ShouldBe(["Voir la fiche complète"]);

        var historyCard = CardReader.AllText((await Client.ClickAsync(TeamsUser.Alex, saved.UpdatedCard!, "Voir l'historique")).Card);
        historyCard.ShouldContain("1 état précédent");
        historyCard.ShouldContain("Version 1 · remplacée le ");
        historyCard.ShouldContain("En cours · 50 %");
        historyCard.ShouldContain(Fr("Version actuelle : 2"));
    }

    [Fact]
    public async Task Update_ReplayedClick_RefusedAsStaleNothingWritten()
    {
        var form = await UpdateFormAsync();
        await Client.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Inputs());
        var etag = (await RegisterAsync()).ETag;

        var replay = await Client.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Inputs(status: "suspended"));

        replay.AllText.ShouldContain(Fr("« Parc naturel de la Molignée » a été modifié entre-temps par Alex Wilber (version 2) : rien n'a été enregistré."));
        (await RegisterAsync()).ETag.ShouldBe(etag);
        (await Bot.KeysAsync(ProjectRegisterStore.HistoryPrefix)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Update_ConcurrentClicks_ExactlyOneWins()
    {
        var form = await UpdateFormAsync();

        // One click per conversation (the bot serialises turns of one conversation through its state).
        var replies = await Task.WhenAll(new[] { ConversationType.Personal, ConversationType.GroupChat, ConversationType.Channel }.Select((type, i) =>
            Client.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Inputs(progress: (60 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), type)));

        replies.Count(reply => reply.UpdatedCard is not null).ShouldBe(1, string.Join("\n", replies.Select(reply => reply.AllText)));
        replies.Count(reply => reply.AllText.Contains("a été modifié entre-temps", StringComparison.Ordinal)).ShouldBe(2);
        (await ProjectAsync(Molignee)).Version.ShouldBe(2);
        (await Bot.KeysAsync(ProjectRegisterStore.HistoryPrefix)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("completed", "150", "2027-06-01", "L'avancement doit être un nombre entier de 0 à 100 (reçu : « 150 »)")]
    [InlineData("completed", "abc", "2027-06-01", "L'avancement doit être un nombre entier de 0 à 100")]
    [InlineData("bogus", "50", "2027-06-01", "Statut inconnu « bogus »")]
    [InlineData("completed", "50", "31/12/2027", "La date « 31/12/2027 » n'est pas valide")]
    public async Task Update_InvalidInput_ClearMessageNothingWritten(string status, string progress, string date, string expected)
    {
        var form = await UpdateFormAsync();
        var etag = (await RegisterAsync()).ETag;

        var reply = await Client.ClickAsync(TeamsUser.Alex, form, "Enregistrer", Inputs(status, progress, date: date));

        reply.AllText.ShouldContain(Fr(expected));
        reply.AllText.ShouldContain("rien n'a été enregistré");
        (await RegisterAsync()).ETag.ShouldBe(etag);
        (await Bot.KeysAsync(ProjectRegisterStore.HistoryPrefix)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"projectId":"parc-naturel-molignee","version":1,"status":"completed","progress":"10","admin":true}""")]
    [InlineData("""{"projectId":"parc-naturel-molignee","status":"completed","progress":"10"}""")]
    [InlineData("""{"projectId":"parc-naturel-molignee","version":"one","status":"completed","progress":"10"}""")]
    [InlineData("[]")]
    public async Task Update_ForgedPayload_RefusedNothingWritten(string payload)
    {
        var etag = (await RegisterAsync()).ETag;

        var reply = await Client.InvokeAsync(TeamsUser.Alex, "projects.update", JsonNode.Parse(payload));

        reply.AllText.ShouldContain(Fr("Cette carte contient des données invalides ; rien n'a été modifié."));
        (await RegisterAsync()).ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task Update_UnknownProject_SaysSoNothingWritten()
    {
        var reply = await Client.InvokeAsync(TeamsUser.Alex, "projects.update", JsonNode.Parse("""{"projectId":"nope","version":1,"status":"completed","progress":"10"}"""));

        reply.AllText.ShouldContain("Ce projet ne figure plus dans le registre.");
        (await Bot.KeysAsync(ProjectRegisterStore.HistoryPrefix)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("projects.update")]
    [InlineData("projects.edit")]
    [InlineData("projects.history")]
    public async Task StaffVerbs_FromBourgmestre_Refused(string verb)
    {
        var etag = (await RegisterAsync()).ETag;

        var reply = await Client.InvokeAsync(TeamsUser.Megan, verb, JsonNode.Parse("""{"projectId":"parc-naturel-molignee","version":1,"status":"completed","progress":"10"}"""));

        reply.AllText.ShouldContain("Cette commande est réservée au personnel du BEP.");
        (await RegisterAsync()).ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task UpdateCommand_ByName_OpensFormForThatProject()
    {
        var form = (await Client.SayAsync(TeamsUser.Alex, "mettre à jour projet fil de l'eau")).Card;

        CardReader.AllText(form).ShouldContain(Fr("Mettre à jour « Namur au fil de l'eau »"));
        CardReader.FindInput(form, "progress")!["value"]!.GetValue<int>().ShouldBe(40);
    }
}
