using BepBot.Features.Projects;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Projects;

/// <summary>A bot whose register is seeded with the demo projects and centrals, as in local play.</summary>
public abstract class ProjectsBotTest : IAsyncLifetime
{
    protected ProjectsBotTest(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Projects:SeedDemo"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Bot = new BotApplication(settings: all);
    }

    protected BotApplication Bot { get; }

    protected TeamsClient Client { get; private set; } = null!;

    protected async Task<Document<ProjectRegister>> RegisterAsync() =>
        (await Bot.Store.GetAsync<ProjectRegister>(ProjectRegisterStore.Key))!;

    protected async Task<Project> ProjectAsync(string id) => (await RegisterAsync()).Value.Find(id)!;

    public virtual Task InitializeAsync()
    {
        Client = Bot.CreateTeamsClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
    }
}
