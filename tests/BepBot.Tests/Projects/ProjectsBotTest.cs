using BepBot.Features.Projects;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Projects;

/// <summary>A bot whose register is seeded with the demo projects and centrals, as in local play.</summary>
public abstract class ProjectsBotTest(IDictionary<string, string?>? settings = null) : BotConversationTest(WithDemoProjects(settings))
{
    protected async Task<Document<ProjectRegister>> RegisterAsync() =>
        (await Bot.Store.GetAsync<ProjectRegister>(ProjectRegisterStore.Key))!;

    protected async Task<Project> ProjectAsync(string id) => (await RegisterAsync()).Value.Find(id)!;

    private static Dictionary<string, string?> WithDemoProjects(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Projects:SeedDemo"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
