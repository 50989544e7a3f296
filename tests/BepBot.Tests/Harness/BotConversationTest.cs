using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Harness;

/// <summary>
/// A test class that talks to its own in-process bot (own container in Azurite) through a Teams-like client;
/// <paramref name="services"/> adds test services (a log collector, a service left out) before the bot starts.
/// </summary>
public abstract class BotConversationTest(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : IAsyncLifetime
{
    protected BotApplication Bot { get; } = new BotApplication(settings: settings).WithServices(services ?? (_ => { }));

    protected TeamsClient Client { get; private set; } = null!;

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
