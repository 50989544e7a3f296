using System.Net;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BepBot.Tests.Exports.ExportFiles;

namespace BepBot.Tests.Exports;

/// <summary>
/// Issue 19, « links that never die »: an export card carries « Obtenir un nouveau lien », the export clicked again
/// with the same checks, so that it works weeks later for its person; in personal chat the file is also offered for
/// the person's OneDrive (Teams' file consent), bound to that person and to the export's expiry.
/// </summary>
public sealed class ExportHandoutTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti],
    settings: new Dictionary<string, string?> { ["Observatoire:SeedDemo"] = "true" })
{
    private const string Renew = "Obtenir un nouveau lien";

    private LoopbackFileServer _oneDrive = null!;

    private LogSink Logs { get; } = new();

    public override async Task InitializeAsync()
    {
        Bot.WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        await base.InitializeAsync();
        _oneDrive = await LoopbackFileServer.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _oneDrive.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ExportInPersonalChat_OffersTheFileForOneDrive_BesideItsLinkAndRenewButton()
    {
        var export = await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire");

        var offer = export.FileOffers.ShouldHaveSingleItem();
        var csv = await DownloadAsync(Teams, LinksIn(export.AllText).ShouldHaveSingleItem());
        ((string)offer["name"]!).ShouldStartWith("annuaire-bepbot-");
        ((string)offer["name"]!).ShouldEndWith(".csv");
        ((long)offer["content"]!["sizeInBytes"]!).ShouldBe(csv.Length);
        ((string)offer["content"]!["description"]!).ShouldContain("OneDrive");
        export.AllText.ShouldContain("Ce lien personnel est valable 15 minutes");
        export.AllText.ShouldContain(Fr("Lien expiré ? « Obtenir un nouveau lien » en crée un nouveau"));
        CardReader.ButtonTitles(export.Card).ShouldContain(Renew);
    }

    [Theory]
    [InlineData(ConversationType.GroupChat)]
    [InlineData(ConversationType.Channel)]
    public async Task ExportInGroupChatOrChannel_IsALinkWithItsRenewButton_WithoutFileOffer(ConversationType type)
    {
        var diagnostic = (await Teams.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux", type)).Card;

        var export = await Teams.ClickAsync(TeamsUser.Megan, diagnostic, "Exporter en CSV", type: type);

        export.FileOffers.ShouldBeEmpty();
        export.AllText.ShouldContain("Le lien reste valable 24 heures.");
        export.AllText.ShouldNotContain("OneDrive");
        (await GetAsync(Teams, DownloadLink(export.Card))).StatusCode.ShouldBe(HttpStatusCode.OK);
        CardReader.ButtonTitles(export.Card).ShouldContain(Renew);
    }

    [Fact]
    public async Task Accept_PutsExactlyTheFileToTheUploadAddress_ThenShowsTeamsFileCard()
    {
        var export = await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire");
        var csv = await DownloadAsync(Teams, LinksIn(export.AllText).Single());
        var offer = export.FileOffers.Single();

        var accepted = await Teams.AnswerFileOfferAsync(TeamsUser.Alex, offer, accept: true, _oneDrive.UploadUrl("annuaire.csv"));

        accepted.Status.ShouldBe(HttpStatusCode.OK);
        InvokeStatus(accepted).ShouldBe(200);
        var (content, range) = _oneDrive.Uploads.ShouldHaveSingleItem().Value;
        content.ShouldBe(csv);
        range.ShouldBe($"bytes 0-{csv.Length - 1}/{csv.Length}");
        var file = accepted.FileCards.ShouldHaveSingleItem();
        ((string?)file["name"]).ShouldBe((string?)offer["name"]);
        ((string?)file["contentUrl"]).ShouldEndWith("/" + (string?)offer["name"]);
        ((string?)file["content"]!["uniqueId"]).ShouldBe("9C5B0F3E-2A57-4C65-8E0B-1A7F2D3C4B5A");
        ((string?)file["content"]!["fileType"]).ShouldBe("csv");
        accepted.AllText.ShouldContain("est enregistré dans votre OneDrive");
    }

    [Fact]
    public async Task Decline_IsAcknowledgedPolitely_AndNothingIsUploaded()
    {
        var offer = (await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire")).FileOffers.Single();

        var declined = await Teams.AnswerFileOfferAsync(TeamsUser.Alex, offer, accept: false);

        InvokeStatus(declined).ShouldBe(200);
        declined.AllText.ShouldContain(Fr("C'est noté : le fichier n'a pas été enregistré dans votre OneDrive."));
        declined.FileCards.ShouldBeEmpty();
        _oneDrive.Uploads.ShouldBeEmpty();
    }

    [Fact]
    public async Task AcceptOfAnotherPersonsExport_IsRefusedAndLogged_AndNothingIsUploaded()
    {
        // Alex's roster export (personal data) offered to Alex; Megan answers with its context, as a forger would.
        var offer = (await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire")).FileOffers.Single();

        var refused = await Teams.AnswerFileOfferAsync(TeamsUser.Megan, offer, accept: true, _oneDrive.UploadUrl("annuaire.csv"));

        refused.AllText.ShouldContain("Ce fichier n'est plus disponible pour vous");
        refused.FileCards.ShouldBeEmpty();
        _oneDrive.Uploads.ShouldBeEmpty();
        Logs.AllText().ShouldContain("export made for someone else");
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000ab")]
    [InlineData("../roster/members")]
    [InlineData("")]
    public async Task AcceptWithAForgedContext_IsRefused_AndNothingIsUploaded(string forged)
    {
        var offer = (await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire")).FileOffers.Single();

        var refused = await Teams.AnswerFileOfferAsync(
            TeamsUser.Alex, offer, accept: true, _oneDrive.UploadUrl("annuaire.csv"), context: new JsonObject { ["export"] = forged });

        refused.AllText.ShouldContain("Ce fichier n'est plus disponible pour vous");
        _oneDrive.Uploads.ShouldBeEmpty();
    }

    [Fact]
    public async Task AcceptAfterTheExportExpired_IsRefused_AndNothingIsUploaded()
    {
        var offer = (await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire")).FileOffers.Single();
        Bot.Clock.Offset = TimeSpan.FromMinutes(16);

        var refused = await Teams.AnswerFileOfferAsync(TeamsUser.Alex, offer, accept: true, _oneDrive.UploadUrl("annuaire.csv"));

        refused.AllText.ShouldContain("Ce fichier n'est plus disponible pour vous (il a expiré");
        _oneDrive.Uploads.ShouldBeEmpty();
        Logs.AllText().ShouldContain("unknown or expired export");
    }

    [Fact]
    public async Task WeekOldRosterExportCard_GivesStaffAFreshWorkingLink_AndRefusesOtherRoles()
    {
        var card = (await Teams.SayAsync(TeamsUser.Alex, "exporter l'annuaire")).Card;
        var old = LinksIn(CardReader.AllText(card)).Single();
        Bot.Clock.Offset = TimeSpan.FromDays(7);
        (await GetAsync(Teams, old)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var renewed = await Teams.ClickAsync(TeamsUser.Alex, card, Renew);
        var refused = await Teams.ClickAsync(TeamsUser.Megan, card, Renew);

        var fresh = LinksIn(renewed.AllText).ShouldHaveSingleItem();
        fresh.ShouldNotBe(old);
        ReadCsv(await DownloadAsync(Teams, fresh))[0].ShouldContain("email");
        renewed.FileOffers.ShouldHaveSingleItem();
        refused.AllText.ShouldContain("réservée au personnel du BEP");
        LinksIn(refused.AllText).ShouldBeEmpty();
        refused.FileOffers.ShouldBeEmpty();
    }

    [Fact]
    public async Task WeekOldDiagnosticExportCard_GivesAMemberAFreshWorkingLink_AndRefusesAGuest()
    {
        var diagnostic = (await Teams.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;
        var card = (await Teams.ClickAsync(TeamsUser.Megan, diagnostic, "Exporter en CSV")).Card;
        Bot.Clock.Offset = TimeSpan.FromDays(7);
        (await GetAsync(Teams, DownloadLink(card))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var renewed = await Teams.ClickAsync(TeamsUser.Megan, card, Renew);
        var refused = await Teams.ClickAsync(TeamsUser.Stranger, card, Renew);

        (await GetAsync(Teams, DownloadLink(renewed.Card))).StatusCode.ShouldBe(HttpStatusCode.OK);
        renewed.AllText.ShouldContain("Le diagnostic de Gembloux en CSV est prêt.");
        refused.Cards.ShouldBeEmpty();
        refused.FileOffers.ShouldBeEmpty();
        refused.AllText.ShouldNotContain("/exports/");
    }

    private static Uri DownloadLink(JsonObject card) => new((string)CardReader.FindAction(card, "Télécharger le CSV")["url"]!);

    // The SDK writes the invoke response inside expectReplies without JSON names (Status, Body).
    private static int? InvokeStatus(BotResponse response) => response.Activities
        .Where(activity => (string?)activity["type"] == "invokeResponse")
        .Select(activity => (int?)(activity["value"]?["status"] ?? activity["value"]?["Status"]))
        .SingleOrDefault();
}
