using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

public sealed class RosterTests : BotConversationTest
{
    private const string AnneId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private static readonly TeamsUser Anne = new("29:anne", "Anne Dupont", AnneId);
    private async Task<RosterDocument> RosterAsync() => (await Bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;

    [Fact]
    public async Task AddMember_StepByStep_SavesMemberWhoGetsTheRole()
    {
        var prompt = (await Client.SayAsync(TeamsUser.Alex, "Ajouter un membre")).Card;
        CardReader.AllText(prompt).ShouldContain(Fr("Quel est le nom complet de la personne ?"));
        CardReader.AllText(prompt).ShouldContain("Étape 1 sur 6");

        prompt = (await Client.SayAsync(TeamsUser.Alex, "Anne Dupont")).Card;
        CardReader.AllText(prompt).ShouldContain("adresse e-mail professionnelle d'Anne Dupont");

        prompt = (await Client.SayAsync(TeamsUser.Alex, "pas-une-adresse")).Card;
        CardReader.AllText(prompt).ShouldContain(Fr("« pas-une-adresse » n'est pas une adresse e-mail valide"));
        CardReader.AllText(prompt).ShouldContain("Étape 2 sur 6");

        prompt = (await Client.ClickAsync(TeamsUser.Alex, prompt, "Continuer", new Dictionary<string, string> { ["value"] = "anne.dupont@gesves.be" })).Card;
        prompt = (await Client.SayAsync(TeamsUser.Alex, "12345")).Card;
        CardReader.AllText(prompt).ShouldContain("n'a pas le format d'un ID d'objet Microsoft Entra");

        prompt = (await Client.SayAsync(TeamsUser.Alex, AnneId)).Card;
        CardReader.ButtonTitles(prompt).ShouldBe(["personnel du BEP", "bourgmestre", "personnel communal", "Annuler"]);

        prompt = (await Client.ClickAsync(TeamsUser.Alex, prompt, "bourgmestre")).Card;
        prompt = (await Client.SayAsync(TeamsUser.Alex, "Gembloux-sur-Mer")).Card;
        CardReader.AllText(prompt).ShouldContain(Fr("« Gembloux-sur-Mer » n'est pas une des 40 communes"));

        prompt = (await Client.SayAsync(TeamsUser.Alex, "gesves")).Card;
        CardReader.AllText(prompt).ShouldContain(Fr("Enregistrer Anne Dupont (anne.dupont@gesves.be), bourgmestre de Gesves dans l'annuaire ?"));

        var done = await Client.ClickAsync(TeamsUser.Alex, prompt, "Oui, enregistrer");

        CardReader.AllText(done.Card).ShouldContain(Fr("Anne Dupont figure désormais dans l'annuaire : bourgmestre de Gesves."));
        var roster = await RosterAsync();
        roster.Members.ShouldContain(new Member(AnneId, "Anne Dupont", "anne.dupont@gesves.be", Role.Bourgmestre, "Gesves"));
        roster.UpdatedBy.ShouldBe("Alex Wilber");
        (await Client.SayAsync(Anne, "qui suis-je")).Texts.Single().ShouldContain("bourgmestre de Gesves");
    }

    [Fact]
    public async Task AddMember_NameWithMarkdown_ShownLiterallyInCards()
    {
        const string name = "Anne *Dupont* [site](https://evil.example)";
        await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");
        var prompt = (await Client.SayAsync(TeamsUser.Alex, name)).Card;
        await Client.SayAsync(TeamsUser.Alex, "anne.dupont@gesves.be");
        await Client.SayAsync(TeamsUser.Alex, AnneId);
        await Client.SayAsync(TeamsUser.Alex, "agent communal");
        await Client.SayAsync(TeamsUser.Alex, "Gesves");
        await Client.SayAsync(TeamsUser.Alex, "oui");

        var roster = await Client.CardTextAsync(TeamsUser.Alex, "annuaire gesves");
        var reachability = await Client.CardTextAsync(TeamsUser.Alex, "joignabilité");

        (await RosterAsync()).Find(AnneId)!.Name.ShouldBe(name);
        CardReader.AllText(prompt).ShouldContain(BepBot.Cards.CardText.EscapeMarkdown(name));
        roster.ShouldContain(BepBot.Cards.CardText.EscapeMarkdown(name));
        roster.ShouldNotContain("[site](https://evil.example)");
        reachability.ShouldContain(BepBot.Cards.CardText.EscapeMarkdown(name));
        reachability.ShouldNotContain("[site](https://evil.example)");
    }

    [Fact]
    public async Task AddMember_BepStaffRole_SkipsCommuneStep()
    {
        await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");
        await Client.SayAsync(TeamsUser.Alex, "Anne Dupont");
        await Client.SayAsync(TeamsUser.Alex, "anne.dupont@bep.be");
        await Client.SayAsync(TeamsUser.Alex, AnneId);

        var confirm = (await Client.SayAsync(TeamsUser.Alex, "personnel")).Card;

        CardReader.AllText(confirm).ShouldContain("Étape 6 sur 6");
        await Client.SayAsync(TeamsUser.Alex, "oui");
        (await RosterAsync()).Find(AnneId)!.Role.ShouldBe(Role.BepStaff);
    }

    [Fact]
    public async Task AddMember_CommuneAlreadyHasBourgmestre_Reprompts()
    {
        await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");
        await Client.SayAsync(TeamsUser.Alex, "Anne Dupont");
        await Client.SayAsync(TeamsUser.Alex, "anne.dupont@namur.be");
        await Client.SayAsync(TeamsUser.Alex, AnneId);
        await Client.SayAsync(TeamsUser.Alex, "bourgmestre");

        var prompt = (await Client.SayAsync(TeamsUser.Alex, "NAMUR")).Card;

        CardReader.AllText(prompt).ShouldContain("Pour Namur, l'annuaire indique déjà Megan Bowen comme bourgmestre.");
    }

    [Fact]
    public async Task AddMember_Cancel_SavesNothingAndLeavesFlow()
    {
        var before = await Bot.Store.GetAsync(RosterDirectory.Key);
        await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");
        await Client.SayAsync(TeamsUser.Alex, "Anne Dupont");

        var cancelled = await Client.SayAsync(TeamsUser.Alex, "Annuler");
        var after = await Client.SayAsync(TeamsUser.Alex, "anne.dupont@gesves.be");

        cancelled.Texts.Single().ShouldBe(Fr("Opération annulée : « Ajouter un membre à l'annuaire ». Rien n'a été enregistré."));
        after.Texts.First().ShouldStartWith("Je n'ai pas compris");
        (await Bot.Store.GetAsync(RosterDirectory.Key))!.ETag.ShouldBe(before!.ETag);
    }

    [Fact]
    public async Task AddMember_CancelButton_LeavesFlow()
    {
        var prompt = (await Client.SayAsync(TeamsUser.Alex, "ajouter un membre")).Card;

        var cancelled = await Client.ClickAsync(TeamsUser.Alex, prompt, "Annuler");
        var again = await Client.ClickAsync(TeamsUser.Alex, prompt, "Annuler");

        cancelled.AllText.ShouldContain("Opération annulée");
        again.AllText.ShouldContain("Il n'y a aucune opération en cours à annuler.");
    }

    [Fact]
    public async Task AddMember_HelpDuringFlow_ShowsHelpAndKeepsFlow()
    {
        await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");

        var help = await Client.SayAsync(TeamsUser.Alex, "aide");
        var next = await Client.SayAsync(TeamsUser.Alex, "Anne Dupont");

        CardReader.AllText(help.Card).ShouldContain("Ce que BepBot peut faire pour vous");
        CardReader.AllText(next.Card).ShouldContain("Étape 2 sur 6");
    }

    [Fact]
    public async Task AddMember_BotRestartsMidFlow_ContinuesWhereItStopped()
    {
        await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");
        await Client.SayAsync(TeamsUser.Alex, "Anne Dupont");
        await Bot.DisposeAsync();

        await using var restarted = new BotApplication(Bot.Container);
        using var teams = restarted.CreateTeamsClient();
        var prompt = await teams.SayAsync(TeamsUser.Alex, "anne.dupont@gesves.be");

        CardReader.AllText(prompt.Card).ShouldContain(Fr("Quel est l'identifiant Microsoft Entra (ID d'objet) d'Anne Dupont ?"));
    }

    [Fact]
    public async Task OldPromptCard_ClickedAfterFlowMovedOn_RefusedWithoutChange()
    {
        var first = (await Client.SayAsync(TeamsUser.Alex, "ajouter un membre")).Card;
        await Client.SayAsync(TeamsUser.Alex, "Anne Dupont");

        var stale = await Client.ClickAsync(TeamsUser.Alex, first, "Continuer", new Dictionary<string, string> { ["value"] = "Quelqu'un d'autre" });
        var current = await Client.SayAsync(TeamsUser.Alex, "anne.dupont@gesves.be");

        stale.AllText.ShouldContain("Cette étape n'est plus active");
        CardReader.AllText(current.Card).ShouldContain(Fr("d'Anne Dupont ?"));
    }

    [Theory]
    [InlineData("ajouter un membre")]
    [InlineData("annuaire")]
    [InlineData("annuaire namur")]
    [InlineData("joignabilité")]
    [InlineData("retirer un membre megan")]
    public async Task StaffCommand_FromBourgmestre_RefusedPolitely(string command)
    {
        var response = await Client.SayAsync(TeamsUser.Megan, command);

        response.Texts.Single().ShouldBe(Fr("Cette commande est réservée au personnel du BEP. Tapez « aide » pour voir ce que vous pouvez faire."));
        response.Cards.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShowRoster_Staff_ListsMembersAndMissingBourgmestres()
    {
        var card = (await Client.SayAsync(TeamsUser.Alex, "annuaire")).Card;
        var ciney = await Client.CardTextAsync(TeamsUser.Alex, "annuaire Ciney");

        var content = CardReader.AllText(card);
        content.ShouldContainAll(
            "Alex Wilber · alex.wilber@bepbot-demo.example",
            "Megan Bowen · ",
            "bourgmestre (3), par commune",
            "personnel communal (2), joignables par commune",
            "37 communes sans bourgmestre",
            "Données de démonstration");
        content.ShouldNotContain("lynne.robbins@bepbot-demo.example");
        ciney.ShouldContain("Lynne Robbins · Ciney · lynne.robbins@bepbot-demo.example");
        ciney.ShouldNotContain("Megan Bowen");
        CardReader.ButtonTitles(card).ShouldContain("Ajouter un membre");
    }

    [Fact]
    public async Task RemoveMember_Confirmed_RemovesOnceAndUpdatesCard()
    {
        var confirm = (await Client.SayAsync(TeamsUser.Alex, "retirer un membre patti.fernandez@bepbot-demo.example")).Card;
        CardReader.AllText(confirm).ShouldContain("Retirer Patti Fernandez (membre du personnel communal à Namur");

        var removed = await Client.ClickAsync(TeamsUser.Alex, confirm, "Retirer Patti Fernandez");
        var again = await Client.ClickAsync(TeamsUser.Alex, confirm, "Retirer Patti Fernandez");

        ((string?)removed.InvokeResponse!["type"]).ShouldBe("application/vnd.microsoft.card.adaptive");
        removed.AllText.ShouldContain("Patti Fernandez ne figure plus dans l'annuaire.");
        again.AllText.ShouldContain(Fr("n'est plus dans l'annuaire ; rien n'a été modifié"));
        (await RosterAsync()).Find(TeamsUser.Patti.AadObjectId).ShouldBeNull();
        (await Client.SayAsync(TeamsUser.Patti, "qui suis-je")).Texts.Single().ShouldContain("invité");
    }

    [Fact]
    public async Task RemoveMember_CancelButton_NothingChanges()
    {
        var before = await Bot.Store.GetAsync(RosterDirectory.Key);
        var confirm = (await Client.SayAsync(TeamsUser.Alex, "retirer un membre lynne")).Card;

        var kept = await Client.ClickAsync(TeamsUser.Alex, confirm, "Annuler");

        kept.AllText.ShouldContain("Rien n'a été modifié.");
        (await Bot.Store.GetAsync(RosterDirectory.Key))!.ETag.ShouldBe(before!.ETag);
    }

    [Fact]
    public async Task RemoveMember_LastStaff_Refused()
    {
        var confirm = (await Client.SayAsync(TeamsUser.Alex, "retirer un membre alex")).Card;

        var response = await Client.ClickAsync(TeamsUser.Alex, confirm, "Retirer Alex Wilber");

        response.AllText.ShouldContain("l'annuaire doit garder au moins un membre du personnel du BEP");
        (await RosterAsync()).Find(TeamsUser.Alex.AadObjectId).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("retirer un membre", "Indiquez qui retirer")]
    [InlineData("retirer un membre personne@nulle.part", "Personne dans l'annuaire ne correspond")]
    [InlineData("retirer un membre bepbot-demo", "Plusieurs personnes correspondent")]
    public async Task RemoveMember_UnclearTarget_Explains(string command, string expected)
    {
        (await Client.SayAsync(TeamsUser.Alex, command)).Texts.Single().ShouldContain(expected);
    }

    [Fact]
    public async Task RemoveMember_ForgedUnknownId_NothingChanges()
    {
        var before = await Bot.Store.GetAsync(RosterDirectory.Key);

        var response = await Client.InvokeAsync(TeamsUser.Alex, "roster.remove", new System.Text.Json.Nodes.JsonObject { ["aadObjectId"] = "not-a-member" });

        response.AllText.ShouldContain("n'est plus dans l'annuaire");
        (await Bot.Store.GetAsync(RosterDirectory.Key))!.ETag.ShouldBe(before!.ETag);
    }
}
