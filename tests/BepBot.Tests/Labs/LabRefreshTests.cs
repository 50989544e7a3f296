using BepBot.Features.Labs;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Labs;

/// <summary>A seminar card in the chat history shows the seats and the person's registration as they stand now.</summary>
public sealed class LabRefreshTests : LabsBotTestBase
{
    [Fact]
    public async Task LabCard_SeenAfterTheSeatFreedUp_ShowsTheWaitingPersonConfirmed()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        var lynnesCard = (await Teams.InvokeAsync(TeamsUser.Lynne, "labs.show", Data(lab.Id))).Card;
        CardReader.AllText(lynnesCard).ShouldContain("Liste d'attente, position 1");
        ((string?)lynnesCard["refresh"]!["action"]!["verb"]).ShouldBe(LabCards.RefreshVerb);
        lynnesCard["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Lynne.Id]);
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.cancel", new System.Text.Json.Nodes.JsonObject { ["labId"] = lab.Id, ["from"] = "mine" });
        Bot.Clock.Offset = TimeSpan.FromDays(7);

        var refreshed = await Teams.RefreshAsync(TeamsUser.Lynne, lynnesCard);

        var card = refreshed.UpdatedCard.ShouldNotBeNull(refreshed.AllText);
        var text = CardReader.AllText(card);
        text.ShouldContain(Fr("Inscription confirmée : votre place est réservée."), customMessage: text);
        CardReader.ButtonTitles(card).ShouldContain("Ajouter à mon agenda (.ics)");
    }

    [Fact]
    public async Task LabCard_SeenAfterTheCancellation_SaysCancelledAndOffersNoRegistration()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 5));
        var card = (await Teams.InvokeAsync(TeamsUser.Lynne, "labs.show", Data(lab.Id))).Card;
        CardReader.ButtonTitles(card).ShouldContain("S'inscrire");
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", Data(lab.Id))).Card;
        var ask = (await Teams.ClickAsync(TeamsUser.Alex, list, "Annuler le séminaire")).Card;
        await Teams.ClickAsync(TeamsUser.Alex, ask, "Oui, annuler le séminaire");

        var refreshed = await Teams.RefreshAsync(TeamsUser.Lynne, card);

        CardReader.AllText(refreshed.UpdatedCard!).ShouldContain("Séminaire annulé");
        CardReader.ButtonTitles(refreshed.UpdatedCard!).ShouldNotContain("S'inscrire");
    }

    [Fact]
    public async Task LabCard_InAGroupChat_CarriesAnUpdateButtonThatShowsEachPersonTheirOwnStanding()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();

        var shown = (await Teams.InvokeAsync(TeamsUser.Patti, "labs.show", Data(lab.Id), ConversationType.GroupChat)).Card;
        var updated = await Teams.ClickAsync(TeamsUser.Lynne, shown, "Mettre à jour", type: ConversationType.GroupChat);

        // Teams refreshes automatically only for the people listed; the others have the button.
        shown["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Patti.Id]);
        CardReader.ButtonTitles(shown).ShouldContain("Mettre à jour");
        CardReader.AllText(shown).ShouldContain(Fr("Inscription confirmée : votre place est réservée."));
        CardReader.AllText(updated.UpdatedCard!).ShouldContain("Liste d'attente, position 1");
        updated.UpdatedCard!["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id).ShouldBe([TeamsUser.Lynne.Id]);
    }
}
