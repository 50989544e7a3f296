using System.Net;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Projects;

public sealed class ProjectQuestionTests : ProjectsBotTest
{
    [Fact]
    public async Task FreeText_StatusQuestion_AnswersProjectCardLeadingWithStatus()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, "Où en est Namur au fil de l'eau ?");

        var text = CardReader.AllText(response.Card);
        text.ShouldContainAll(
            "Namur au fil de l'eau",
            Fr("Où en est-il ? En cours, 40 % — phase : Aménagement des berges"),
            "Mis à jour le ",
            Fr("source : ") + "Page « Supracommunalité » du BEP + données de démonstration",
            "Données de démonstration");
        text.ShouldNotContain("Contact au BEP");
        CardReader.ButtonTitles(response.Card).ShouldBe(["Voir la fiche complète"]);
        response.Texts.ShouldNotContain(reply => reply.StartsWith("Je n'ai pas compris", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullRecord_FromStatusAnswer_ShowsEveryField()
    {
        var answer = (await Client.SayAsync(TeamsUser.Megan, "ou en est namur au fil de leau")).Card;

        var full = CardReader.AllText((await Client.ClickAsync(TeamsUser.Megan, answer, "Voir la fiche complète")).Card);

        full.ShouldContainAll(
            "Projet · Namur au fil de l'eau",
            "Namur-Capitale, Dinant-Meuse-Condroz",
            Fr("29 communes : Andenne"),
            "Inauguration du premier tronçon de promenade, le samedi 15 mai 2027",
            "Contact au BEP",
            "supracommunalite@bepbot-demo.example");
    }

    [Fact]
    public async Task FreeText_NextStepWithTypos_AnswersMilestoneAndDate()
    {
        var text = await Client.CardTextAsync(TeamsUser.Adele, "prochaine etape ardenne itinerence");

        text.ShouldContain("Ardenne Itinérance Mobilité et Infrastructure");
        text.ShouldContain(Fr("Prochaine étape : Comité de pilotage mobilité, le jeudi 28 janvier 2027."));
    }

    [Fact]
    public async Task FreeText_ContactQuestion_LeadsWithContact()
    {
        var text = await Client.CardTextAsync(TeamsUser.Lynne, "qui contacter pour la Molignée ?");

        text.ShouldContain("Parc naturel de la Molignée");
        text.ShouldContain(Fr("À contacter au BEP : Chargé·e de mission parcs naturels (démo), supracommunalite@bepbot-demo.example."));
    }

    [Fact]
    public async Task FreeText_SeveralPlausibleProjects_OffersPickList()
    {
        var choices = (await Client.SayAsync(TeamsUser.Megan, "smart région")).Card;

        CardReader.AllText(choices).ShouldContain("Plusieurs projets correspondent");
        CardReader.ButtonNames(choices).Order().ShouldBe([
            Fr("Voir la fiche « Dinant-Meuse-Condroz, territoire intelligent »"),
            Fr("Voir la fiche « Essaimage, territoire intelligent »"),
            Fr("Voir la fiche « Namur, territoire intelligent »"),
        ]);

        var picked = await Client.ClickAsync(TeamsUser.Megan, choices, Fr("Voir la fiche « Essaimage, territoire intelligent »"));

        CardReader.AllText(picked.Card).ShouldContain("Diagnostic numérique des communes");
    }

    [Fact]
    public async Task FreeText_CommuneNameDisambiguates_AnswersThatCommunesProject()
    {
        var text = await Client.CardTextAsync(TeamsUser.Isaiah, "où en est le smart région à Couvin ?");

        text.ShouldContain("Essaimage, territoire intelligent");
        text.ShouldNotContain("Plusieurs projets");
    }

    [Fact]
    public async Task FreeText_AfterAGreeting_AnswersTheQuestion()
    {
        var text = await Client.CardTextAsync(TeamsUser.Isaiah, "Bonjour, où en est le smart région à Couvin ?");

        text.ShouldContain("Essaimage, territoire intelligent");
    }

    [Fact]
    public async Task FreeText_UnknownProject_SaysNotFoundWithoutInventing()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, "où en est le projet de piscine olympique ?");

        response.Texts.First().ShouldStartWith(Fr("Je ne trouve pas de projet ni de centrale correspondant à « ") + "où en est le projet de piscine olympique ?" + Fr(" » dans le registre du BEP."));
        response.Cards.ShouldBeEmpty();
        response.AllText.ShouldNotContain(Fr("Où en est-il ?"));
    }

    [Fact]
    public async Task FreeText_CloseMisspelling_NotFoundOffersClosestNames()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, "projet vobelets");

        response.Texts.First().ShouldStartWith(Fr("Je ne trouve pas de projet ni de centrale correspondant à « projet vobelets »"));
        CardReader.ButtonNames(response.Card).ShouldContain(Fr("Voir la fiche « Centrale de gestion de gobelets réutilisables »"));
    }

    [Fact]
    public async Task FreeText_NotAboutProjects_KeepsNotUnderstoodReply()
    {
        var response = await Client.SayAsync(TeamsUser.Patti, "blablabla xyz");

        response.Texts.ShouldContain(text => text.StartsWith(Fr("Je n'ai pas compris « blablabla xyz »"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FreeText_FromGuest_NotAnsweredFromRegister()
    {
        var response = await Client.SayAsync(TeamsUser.Stranger, "Où en est Namur au fil de l'eau ?");

        response.Texts.ShouldContain(text => text.StartsWith("Je n'ai pas compris", StringComparison.Ordinal));
        response.AllText.ShouldNotContain(Fr("Où en est-il ?"));
    }

    [Fact]
    public async Task FreeText_English_AnswersInEnglish()
    {
        Client.Locale = "en-US";

        var text = await Client.CardTextAsync(TeamsUser.Megan, "what is the status of Ardenne Itinerance?");

        text.ShouldContain("Where does it stand? In progress, 25%");
        text.ShouldContain("Demo data");
    }

    [Fact]
    public async Task ProjectsCommand_ByCommune_ListsThatCommunesProjects()
    {
        var card = (await Client.SayAsync(TeamsUser.Adele, "projets Dinant")).Card;

        var text = CardReader.AllText(card);
        text.ShouldContain("3 projets — commune de Dinant");
        text.ShouldContain("Parc national (soutien au projet)");
        text.ShouldNotContain("Essaimage, territoire intelligent");
        CardReader.ButtonNames(card).ShouldContain(Fr("Voir la fiche « Namur au fil de l'eau »"));
    }

    [Theory]
    [InlineData("projets en cours", "5 projets — statut « En cours »")]
    [InlineData("projets bassin Essaimage", "2 projets — bassin Essaimage")]
    [InlineData("projets a l'etude", "3 projets — statut « À l'étude »")]
    [InlineData("projets", "8 projets dans le registre")]
    [InlineData("projets parcs naturels", "3 projets — programme Parcs naturels et nationaux")]
    public async Task ProjectsCommand_Filters_ListsMatchingProjects(string command, string expected)
    {
        (await Client.CardTextAsync(TeamsUser.Megan, command)).ShouldContain(Fr(expected));
    }

    [Fact]
    public async Task ProjectsCommand_ProgrammeAndCommuneNarrowToOne_ShowsThatProject()
    {
        var text = await Client.CardTextAsync(TeamsUser.Megan, "projets smart région à Dinant");

        text.ShouldContain("Dinant-Meuse-Condroz, territoire intelligent");
        text.ShouldContain("Inventaire des données communales");
    }

    [Fact]
    public async Task ProjectsCommand_NothingMatches_SaysSo()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, "projets terminés");

        CardReader.AllText(response.Card).ShouldContain(Fr("Aucun projet ne correspond à ces critères (statut « Terminé »)."));
    }

    [Fact]
    public async Task CentralsCommand_ListsCentralsWithMemberCommunes()
    {
        var card = (await Client.SayAsync(TeamsUser.Megan, "centrales")).Card;

        var text = CardReader.AllText(card);
        text.ShouldContainAll(
            "4 centrales d'achat",
            "Centrale d'achat : services de rénovation énergétique",
            "Centrale d'achat : outils digitaux (retransmission des conseils communaux, lutte contre la cybercriminalité)",
            "Centrale de gestion de gobelets réutilisables",
            "Centrale d'achat : services postaux",
            Fr("Opérationnel · membres : 11 communes : Andenne, Assesse, Gembloux, Gesves"),
            "Données de démonstration");
    }

    [Fact]
    public async Task FreeText_CentralsForCommune_ListsTheCentralsItJoined()
    {
        var text = await Client.CardTextAsync(TeamsUser.Megan, "quelles centrales d'achat pour Gesves ?");

        text.ShouldContain("Gesves a rejoint 3 centrales d'achat");
        text.ShouldNotContain("gobelets");
    }

    [Fact]
    public async Task ProjectsCommand_FromGuest_Refused()
    {
        var response = await Client.SayAsync(TeamsUser.Stranger, "projets");

        response.Texts.Single().ShouldStartWith("Cette commande est réservée aux membres");
    }

    [Theory]
    [InlineData("""{"projectId":"nope"}""", "Ce projet ne figure plus dans le registre.")]
    [InlineData("""{"projectId":"parc-national","extra":1}""", "Cette carte contient des données invalides")]
    [InlineData("""{"id":"parc-national"}""", "Cette carte contient des données invalides")]
    [InlineData("\"parc-national\"", "Cette carte contient des données invalides")]
    public async Task ShowProject_ForgedPayload_ClearMessage(string payload, string expected)
    {
        var response = await Client.InvokeAsync(TeamsUser.Megan, "projects.show", System.Text.Json.Nodes.JsonNode.Parse(payload));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.AllText.ShouldContain(expected);
    }
}
