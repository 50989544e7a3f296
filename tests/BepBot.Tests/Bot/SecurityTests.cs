using System.Net;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

public sealed class SecurityTests
{
    [Fact]
    public async Task Post_WithAppIdAndNoAuthorization_Returns401()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "5f0c3d6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", ["MicrosoftAppPassword"] = "not-a-real-secret" });
        using var teams = bot.CreateTeamsClient();

        var response = await teams.SayAsync(TeamsUser.Megan, "aide");

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await bot.ActivityClaimsAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Post_WithAppIdAndForgedToken_Returns401(string authorization)
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "5f0c3d6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", ["MicrosoftAppPassword"] = "not-a-real-secret" });
        using var teams = bot.CreateTeamsClient();
        var activity = teams.Activity(TeamsUser.Megan, "message", ConversationType.Personal, null, a => a["text"] = "aide");

        var response = await teams.PostRawAsync(activity.ToJsonString(), authorization);

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await bot.KeysAsync()).Where(key => !key.StartsWith("roster/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_FromTenantOutsideAllowList_Returns403AndStoresNothing()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = "11111111-2222-3333-4444-555555555555" });
        using var teams = bot.CreateTeamsClient();

        var message = await teams.SayAsync(TeamsUser.Megan, "aide");
        var install = await teams.InstallAsync(TeamsUser.Megan);

        message.Status.ShouldBe(HttpStatusCode.Forbidden);
        install.Status.ShouldBe(HttpStatusCode.Forbidden);
        message.Activities.ShouldBeEmpty();
        (await bot.KeysAsync()).Where(key => !key.StartsWith("roster/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_FromAllowedTenant_IsAnswered()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = TeamsClient.Tenant });
        using var teams = bot.CreateTeamsClient();

        var response = await teams.SayAsync(TeamsUser.Megan, "aide");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Cards.ShouldNotBeEmpty();
    }
}

public sealed class BadInputTests : BotConversationTest
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public async Task Post_MalformedBody_Returns400(string body)
    {
        var response = await Client.PostRawAsync(body);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("from")]
    [InlineData("conversation")]
    [InlineData("type")]
    [InlineData("serviceUrl")]
    public async Task Post_ActivityWithoutRequiredField_Returns400AndStoresNothing(string field)
    {
        var activity = Client.Activity(TeamsUser.Megan, "message", ConversationType.Personal, null, a => a["text"] = "aide");
        activity.Remove(field);

        var response = await Client.PostAsync(activity);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.RawBody.ShouldContain(field == "type" ? "missing type" : field == "serviceUrl" ? "serviceUrl" : $"missing {field}");
        (await Bot.ActivityClaimsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_OneMegabyteText_Returns413()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, new string('a', 1024 * 1024));

        response.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Bot.ActivityClaimsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Message_LongerThanTeamsAllows_PoliteRefusal()
    {
        var response = await Client.SayAsync(TeamsUser.Megan, new string('é', 5000));

        response.Texts.Single().ShouldBe(Fr("Votre message est trop long (5000 caractères ; 4000 au maximum). Pourriez-vous le raccourcir ?"));
    }

    [Fact]
    public async Task Invoke_UnknownVerb_ClearFrenchMessage()
    {
        var response = await Client.InvokeAsync(TeamsUser.Megan, "votes.hack", new JsonObject { ["ballot"] = "x" });

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.AllText.ShouldContain("Cette action n'est pas reconnue");
    }

    [Fact]
    public async Task Invoke_CardDataWithExtraOrMissingFields_RefusedAndFlowUntouched()
    {
        var start = await Client.SayAsync(TeamsUser.Alex, "ajouter un membre");
        var prompt = start.Card;

        var extra = await Client.InvokeAsync(TeamsUser.Alex, "flows.answer", new JsonObject { ["flow"] = "roster.add", ["step"] = "name", ["value"] = "Anne", ["admin"] = true });
        var missing = await Client.InvokeAsync(TeamsUser.Alex, "flows.answer", new JsonObject { ["value"] = "Anne" });
        var wrongType = await Client.InvokeAsync(TeamsUser.Alex, "flows.answer", new JsonObject { ["flow"] = 42, ["step"] = "name" });
        var notObject = await Client.InvokeAsync(TeamsUser.Alex, "flows.answer", JsonValue.Create("name"));

        foreach (var response in new[] { extra, missing, wrongType, notObject })
        {
            response.AllText.ShouldContain(Fr("Cette carte contient des données invalides ; rien n'a été modifié."));
        }

        // The flow still waits for the name.
        var answer = await Client.ClickAsync(TeamsUser.Alex, prompt, "Continuer", new Dictionary<string, string> { ["value"] = "Anne Dupont" });
        CardReader.AllText(answer.Card).ShouldContain("Étape 2 sur");
    }

    [Fact]
    public async Task Invoke_StaffVerbFromOfficer_RefusedAndNothingWritten()
    {
        var before = await Bot.Store.GetAsync("roster/current");

        var response = await Client.InvokeAsync(TeamsUser.Patti, "roster.remove", new JsonObject { ["aadObjectId"] = TeamsUser.Megan.AadObjectId });

        response.AllText.ShouldContain("réservée au personnel du BEP");
        (await Bot.Store.GetAsync("roster/current"))!.ETag.ShouldBe(before!.ETag);
    }

    [Fact]
    public async Task Message_SameActivityIdTwice_ProcessedOnce()
    {
        var first = await Client.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "teams-retry-1");
        var second = await Client.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "teams-retry-1");

        first.Texts.ShouldHaveSingleItem();
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Activities.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_SameActivityIdTwice_SecondSaysAlreadyDone()
    {
        var start = (await Client.SayAsync(TeamsUser.Alex, "ajouter un membre")).Card;
        var data = new JsonObject { ["flow"] = "roster.add", ["step"] = "name", ["value"] = "Anne Dupont" };

        var first = await Client.InvokeAsync(TeamsUser.Alex, "flows.answer", data, activityId: "click-1");
        var second = await Client.InvokeAsync(TeamsUser.Alex, "flows.answer", data, activityId: "click-1");

        CardReader.AllText(first.Card).ShouldContain("Étape 2 sur");
        second.AllText.ShouldContain("Cette action a déjà été prise en compte.");
        second.Cards.ShouldBeEmpty();
        start.ShouldNotBeNull();
    }
}
