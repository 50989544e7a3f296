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
