using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Dashboard;

/// <summary>
/// The dashboard tab's API without a browser: who may sign in (Teams single sign-on tokens checked for signature,
/// lifetime, audience and tenant), who may see and change what (the roster's role), and what a cross-site request gets.
/// </summary>
public sealed class DashboardApiTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Patti],
    settings: new Dictionary<string, string?>(FakeEntraId.Shared.Settings) { ["Votes:CloseSettle"] = "00:00:00" })
{
    private static FakeEntraId Entra => FakeEntraId.Shared;

    private TabClient Tab => new(Teams.Http);

    [Fact]
    public async Task Me_TeamsTokenOfStaff_AnswersTheirRoleAndTheVotesPage()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Alex));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)me["name"]).ShouldBe("Alex Wilber");
        ((string?)me["role"]).ShouldBe("bep-staff");
        ((string?)me["roleText"]).ShouldBe("membre du personnel du BEP");
        // The order staff work in, the issue's: not the order in which features happen to register their pages.
        me["menu"]!.AsArray().Select(item => (string?)item!["name"])
            .ShouldBe(["overview", "votes", "conferences", "labs", "broadcasts", "roster", "observatoire", "commune"]);
    }

    [Fact]
    public async Task Me_BourgmestreInEnglish_AnswersInEnglishWithoutStaffPages()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Megan), locale: "en-US");

        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)me["role"]).ShouldBe("bourgmestre");
        ((string?)me["language"]).ShouldBe("en");
        me["menu"]!.AsArray().Select(item => (string?)item!["name"]).ShouldNotContain("votes");
    }

    [Fact]
    public async Task Me_StrangerWithAValidToken_IsAGuestWithNoPage()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Stranger));

        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)me["role"]).ShouldBe("guest");
        me["menu"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Me_NoToken_Is401()
    {
        using var response = await Tab.GetAsync("me", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_ForgedSignature_Is401()
    {
        using var forger = RSA.Create(2048);

        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Alex, signedWith: forger));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_ExpiredToken_Is401()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Alex, expires: DateTime.UtcNow.AddMinutes(-10)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_TokenForAnotherApp_Is401()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Alex, audience: "api://elsewhere.example/0f0e0d0c-0b0a-0908-0706-050403020100"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_TokenOfATenantOutsideTheAllowList_Is401()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Alex, tenant: "9b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_IssuerOfAnotherTenantThanTheTokenNames_Is401()
    {
        using var response = await Tab.GetAsync("me", Entra.TokenFor(TeamsUser.Alex, issuer: FakeEntraId.IssuerOf("9b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task VotesPage_Bourgmestre_Is403WithAFrenchExplanation()
    {
        using var response = await Tab.GetAsync("pages/votes", Entra.TokenFor(TeamsUser.Megan));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]).ShouldBe(Fr("Votre rôle ne donne pas accès à cette page."));
    }

    [Fact]
    public async Task RemindAction_Bourgmestre_Is403AndNothingIsSent()
    {
        var ballot = await OpenAsync(Bot, Motion());
        
        using var response = await Tab.PostAsync("votes.remind", Entra.TokenFor(TeamsUser.Megan), new JsonObject { ["ballotId"] = ballot.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RemindersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemindAction_PostedAsAnHtmlForm_Is415AndNothingIsSent()
    {
        var ballot = await OpenAsync(Bot, Motion());
        
        using var response = await Tab.PostAsync("votes.remind", Entra.TokenFor(TeamsUser.Alex), JsonValue.Create("ballotId=" + ballot.Id), contentType: "application/x-www-form-urlencoded");

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await RemindersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemindAction_FromAForeignOrigin_Is403AndNothingIsSent()
    {
        var ballot = await OpenAsync(Bot, Motion());
        
        using var response = await Tab.PostAsync("votes.remind", Entra.TokenFor(TeamsUser.Alex), new JsonObject { ["ballotId"] = ballot.Id }, origin: "https://attacker.example");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]).ShouldBe(Fr("Cette demande vient d'un autre site : elle est refusée et rien n'a été modifié."));
        (await RemindersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemindAction_MalformedData_Is400InFrenchAndNothingIsSent()
    {
        await OpenAsync(Bot, Motion());
        
        using var response = await Tab.PostAsync("votes.remind", Entra.TokenFor(TeamsUser.Alex), new JsonObject { ["ballotId"] = 12, ["extra"] = true });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]).ShouldBe(Fr("Les données envoyées ne sont pas valables ; rien n'a été modifié."));
        (await RemindersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemindOneCommune_FromTheBallotPage_SendsTheReminderToItsBourgmestreOnly()
    {
        var ballot = await OpenAsync(Bot, Motion());
        await WaitForCardAsync(Connector, TeamsUser.Megan, ballot.Question);
        await WaitForCardAsync(Connector, TeamsUser.Adele, ballot.Question);
        var adeleBefore = CardsTo(Connector, TeamsUser.Adele).Count;

        var result = await Tab.ActAsync(Entra.TokenFor(TeamsUser.Alex), "votes.remind", new JsonObject { ["ballotId"] = ballot.Id, ["commune"] = "Namur" });

        ((bool)result["done"]!).ShouldBeTrue(result.ToJsonString());
        ((string?)result["message"]).ShouldBe(Fr("Rappel envoyé à 1 personne dont la commune n'a pas encore voté."));
        await WaitForCardAsync(Connector, TeamsUser.Megan, "Rappel");
        await Task.Delay(500);
        CardsTo(Connector, TeamsUser.Adele).Count.ShouldBe(adeleBefore);
    }

    [Fact]
    public async Task RemindOneCommune_ThatHasVoted_IsRefusedAndNothingIsSent()
    {
        var ballot = await OpenAsync(Bot, Motion());
        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();
        
        var result = await Tab.ActAsync(Entra.TokenFor(TeamsUser.Alex), "votes.remind", new JsonObject { ["ballotId"] = ballot.Id, ["commune"] = "Namur" });

        ((bool)result["done"]!).ShouldBeFalse();
        ((string?)result["message"]).ShouldBe(Fr("Namur a déjà voté : aucun rappel n'a été envoyé."));
        (await RemindersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task BallotPage_VoteCastInChat_ShowsTheCommuneAsVotedAndKeepsThePageLive()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var token = Entra.TokenFor(TeamsUser.Alex);
        var before = await Tab.PageAsync(token, "votes?ballot=" + ballot.Id);

        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();
        var after = await Tab.PageAsync(token, "votes?ballot=" + ballot.Id);

        CommuneStatus(before, "Namur").ShouldBe("⏳ pas encore voté");
        CommuneStatus(after, "Namur").ShouldBe("✓ a voté");
        ((int?)after["refreshSeconds"]).ShouldNotBeNull().ShouldBeLessThanOrEqualTo(4);
        var namur = CommuneRow(after, "Namur");
        namur["buttons"].ShouldBeNull();
        CommuneRow(after, "Dinant")["buttons"]!.AsArray().Select(button => (string?)button!["accessibleLabel"]).ShouldBe(["Relancer Dinant"]);
        Block(after, "Participation par bassin")["rows"]!.AsArray().Select(row => (string?)row!["cells"]!["participation"]!["text"])
            .ShouldContain(Fr("1 commune sur 16 a voté"));
    }

    [Fact]
    public async Task SecretBallotPage_OpenThenClosed_NeverSaysWhatACommuneChose()
    {
        var ballot = await OpenAsync(Bot, Motion() with { Secret = true });
        var token = Entra.TokenFor(TeamsUser.Alex);
        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();
        (await VoteAsync(Teams, TeamsUser.Adele, ballot.Id, "Dinant", "contre")).UpdatedCard.ShouldNotBeNull();
        var open = await Tab.PageAsync(token, "votes?ballot=" + ballot.Id);
        await Bot.Services.GetRequiredService<BallotLifecycle>().CloseAsync(ballot.Id, "test", null, CancellationToken.None);
        var closed = await Tab.PageAsync(token, "votes?ballot=" + ballot.Id);

        foreach (var view in new[] { open, closed })
        {
            var communes = Block(view, "Les communes");
            communes["columns"]!.AsArray().Select(column => (string?)column!["key"]).ShouldBe(["commune", "status"]);
            var texts = communes["rows"]!.AsArray().SelectMany(row => row!["cells"]!.AsObject().Select(cell => (string?)cell.Value!["text"])).ToList();
            texts.ShouldNotContain(text => text!.Contains("Pour", StringComparison.Ordinal) || text.Contains("Contre", StringComparison.Ordinal));
            CommuneStatus(view, "Namur").ShouldBe("✓ a voté");
            CommuneStatus(view, "Dinant").ShouldBe("✓ a voté");
        }

        open.ToJsonString().ShouldNotContain("\"Contre\"", Case.Sensitive, "an open secret ballot shows no tally at all");
        var counts = Block(closed, "Voix par choix");
        counts["series"]![0]!["values"]!.AsArray().Select(value => (double?)value).ShouldBe([1d, 1d, 0d]);
    }

    [Fact]
    public async Task ClosedBallotPage_ShowsTheResultTheIntactAuditChainAndEachCommunesVote()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var token = Entra.TokenFor(TeamsUser.Alex);
        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();

        var closing = await Tab.ActAsync(token, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var view = await Tab.PageAsync(token, "votes?ballot=" + ballot.Id);

        ((bool)closing["done"]!).ShouldBeTrue(closing.ToJsonString());
        view["refreshSeconds"].ShouldBeNull();
        ((string?)Block(view, "Résultat du vote")["text"]).ShouldBe("✅ Adopté");
        var audit = Block(view, "Journal d'audit")["facts"]![0]!;
        ((string?)audit["tone"]).ShouldBe("good");
        ((string?)audit["value"]).ShouldStartWith(Fr("✅ chaîne intacte :"));
        CommuneRow(view, "Namur")["cells"]!["vote"]!["text"]!.GetValue<string>().ShouldBe("Pour");
    }

    [Fact]
    public async Task ExportFromTheBallotPage_GivesALinkToTheSameCsvAsTheChat()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var token = Entra.TokenFor(TeamsUser.Alex);
        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();
        await Bot.Services.GetRequiredService<BallotLifecycle>().CloseAsync(ballot.Id, "test", null, CancellationToken.None);

        var result = await Tab.ActAsync(token, "votes.export", new JsonObject { ["ballotId"] = ballot.Id });

        ((bool)result["done"]!).ShouldBeTrue(result.ToJsonString());
        var link = new Uri((string)result["download"]!);
        var csv = await Teams.Http.GetStringAsync(link.PathAndQuery);
        csv.ShouldContain("Namur");
        csv.ShouldContain("Pour");
    }

    [Fact]
    public async Task Overview_Staff_SeesTheOpenBallotWithItsParticipationAndALinkToFollowIt()
    {
        var ballot = await OpenAsync(Bot, Motion());
        (await VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", "pour")).UpdatedCard.ShouldNotBeNull();

        var view = await Tab.PageAsync(Entra.TokenFor(TeamsUser.Alex), "overview");

        ((string?)view["title"]).ShouldBe("Vue d'ensemble");
        var row = Block(view, "Votes ouverts")["rows"]!.AsArray().Single()!;
        ((string?)row["link"]).ShouldBe("votes?ballot=" + ballot.Id);
        ((string?)row["cells"]!["participation"]!["text"]).ShouldBe("1 commune sur 40");
        ((double)row["cells"]!["participation"]!["ratio"]!).ShouldBe(1d / 40);
        ((string?)Block(view, "Diffusions en cours")["emptyText"]).ShouldNotBeNull();
    }

    [Fact]
    public async Task TabShell_IsFramedOnlyByTeamsAndCarriesTheBundledTeamsSdk()
    {
        using var shell = await Teams.Http.GetAsync("/tab/");
        using var sdk = await Teams.Http.GetAsync("/tab/lib/MicrosoftTeams.min.js");

        shell.StatusCode.ShouldBe(HttpStatusCode.OK);
        shell.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var policy = shell.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com");
        policy.ShouldContain("script-src 'self';");
        // Teams' SDK fetches its list of valid hosts there; blocked, it logs a CSP error in every Teams client.
        policy.ShouldContain("connect-src 'self' https://res.cdn.office.net;");
        sdk.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sdk.Content.ReadAsStringAsync()).ShouldContain("microsoftTeams");
    }

    // A reminder's broadcast id starts with "vm" (BallotLifecycle.RemindAsync); the ballot's own cards go out as "vb".
    private async Task<List<string>> RemindersAsync() =>
        [.. (await Bot.KeysAsync("broadcasts/index/")).Where(key => key.StartsWith("broadcasts/index/vm", StringComparison.Ordinal))];

    private static JsonObject Block(JsonObject view, string heading) =>
        view["blocks"]!.AsArray().Single(block => (string?)block!["heading"] == Fr(heading))!.AsObject();

    private static JsonObject CommuneRow(JsonObject view, string commune) =>
        Block(view, "Les communes")["rows"]!.AsArray().Single(row => (string?)row!["id"] == commune)!.AsObject();

    private static string? CommuneStatus(JsonObject view, string commune) => (string?)CommuneRow(view, commune)["cells"]!["status"]!["text"];
}
