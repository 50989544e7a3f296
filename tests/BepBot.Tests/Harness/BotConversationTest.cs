namespace BepBot.Tests.Harness;

/// <summary>A test class that talks to its own in-process bot (own container in Azurite) through a Teams-like client.</summary>
public abstract class BotConversationTest(IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected BotApplication Bot { get; } = new(settings: settings);

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
