using System.Net;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_AndReadyz_StoreReachable_Return200()
    {
        await using var bot = new BotApplication();
        using var http = bot.CreateClient();

        (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await http.GetAsync("/readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readyz_StoreUnreachable_Returns503WhileHealthzStays200()
    {
        // A blob endpoint where nothing listens: the store cannot be reached, the process is still up.
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            ["Roster:SeedDemo"] = "false",
        });
        using var http = bot.CreateClient();

        (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}

public sealed class ClaimsHealthTests
{
    [Fact]
    public async Task Readyz_ClaimsTableUnreachable_Returns503()
    {
        // Blob answers but the table service does not: the bot could not claim the activities it receives.
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Storage:ConnectionString"] = Azurite.ConnectionStringWithout("TableEndpoint") });
        using var http = bot.CreateClient();

        var ready = await http.GetAsync("/readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task Message_ClaimsTableUnreachable_UserToldNothingWasRecorded()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Storage:ConnectionString"] = Azurite.ConnectionStringWithout("TableEndpoint") });
        using var teams = bot.CreateTeamsClient();

        var response = await teams.SayAsync(TeamsUser.Megan, "aide");

        response.Texts.ShouldBe([Fr("Désolé, le stockage de BepBot est momentanément injoignable : votre demande n'a pas été enregistrée. Veuillez réessayer dans une minute.")]);
    }
}

public sealed class StoreOutageTests
{
    [Fact]
    public async Task Turn_StoreUnwritable_UserToldNothingWasRecordedThenWorksAgain()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bepbot-outage-" + Guid.NewGuid().ToString("N"));
        var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "LocalFolder",
            ["Storage:LocalFolder"] = folder,
        });
        try
        {
            using var teams = bot.CreateTeamsClient();
            (await teams.SayAsync(TeamsUser.Megan, "qui suis-je")).AllText.ShouldContain("bourgmestre");

            // The folder of the turn's first write replaced by a file: that write fails with an I/O error, as a lost
            // disk or share would (only that folder, so the background workers' own writes do not race the test).
            var activities = Path.Combine(folder, "activities");
            Directory.Delete(activities, recursive: true);
            await File.WriteAllTextAsync(activities, "not a folder");
            var duringOutage = await teams.SayAsync(TeamsUser.Megan, "qui suis-je");
            File.Delete(activities);
            var afterwards = await teams.SayAsync(TeamsUser.Megan, "qui suis-je");

            duringOutage.Status.ShouldBe(System.Net.HttpStatusCode.OK);
            duringOutage.AllText.ShouldContain("le stockage de BepBot est momentanément injoignable");
            afterwards.AllText.ShouldContain("bourgmestre");
        }
        finally
        {
            // The bot's background work (claims, purges, the scheduler) writes there until it stops.
            await bot.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
