using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BepBot.Tests.Dashboard;

/// <summary>
/// The Development sign-in as a demo user, for local play: it works in Development, and in Production its endpoint is
/// not there (404) and a token it issued is refused (401).
/// </summary>
public sealed class DevSignInTests : IAsyncLifetime
{
    // The demo seeds of Development (ballots, conferences, seminars…) are not what these tests look at; the fake Entra ID
    // keeps Teams' sign-in off the network.
    private static readonly Dictionary<string, string?> QuietDevelopment = new(FakeEntraId.Shared.Settings)
    {
        ["Conferences:SeedDemo"] = "false",
        ["Votes:SeedDemo"] = "false",
        ["Labs:SeedDemo"] = "false",
        ["Broadcasts:SeedDemo"] = "false",
        ["Observatoire:SeedDemo"] = "false",
        ["Projects:SeedDemo"] = "false",
    };

    private readonly BotApplication _bot = new(settings: QuietDevelopment);
    private WebApplicationFactory<Program> _development = null!;

    public Task InitializeAsync()
    {
        _development = _bot.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _development.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_InDevelopmentAsADemoUser_OpensTheTabAsThatPerson()
    {
        using var http = _development.CreateClient();

        var people = await http.GetFromJsonAsync<JsonArray>("/tab/api/dev/people");
        var token = await SignInAsync(http, TeamsUser.Alex.AadObjectId);
        var me = await new TabClient(http).GetAsync("me", token);

        people!.Select(person => (string?)person!["name"]).ShouldContain("Megan Bowen");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)JsonNode.Parse(await me.Content.ReadAsStringAsync())!["role"]).ShouldBe("bep-staff");
    }

    [Fact]
    public async Task SignIn_InProduction_IsNotThereAndADevelopmentTokenIs401()
    {
        using var development = _development.CreateClient();
        var token = await SignInAsync(development, TeamsUser.Alex.AadObjectId);
        await using var production = _bot.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var http = production.CreateClient();

        using var people = await http.GetAsync("/tab/api/dev/people");
        using var signIn = await http.PostAsJsonAsync("/tab/api/dev/sign-in", new { aadObjectId = TeamsUser.Alex.AadObjectId });
        using var me = await new TabClient(http).GetAsync("me", token);

        people.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        signIn.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> SignInAsync(HttpClient http, string aadObjectId)
    {
        using var response = await http.PostAsJsonAsync("/tab/api/dev/sign-in", new { aadObjectId });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return (string)JsonNode.Parse(body)!["token"]!;
    }
}
