namespace BepBot.Tests.Harness;

/// <summary>
/// A test class whose in-process bot (own container in Azurite) sends through a fake Teams connector, the given demo
/// users having opened BepBot first, so that proactive messages reach them.
/// </summary>
public abstract class ConnectedBotTest(
    IReadOnlyList<TeamsUser> installed, IReadOnlyList<TeamsUser>? inEnglish = null, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected BotApplication Bot { get; } = new(settings: settings);

    protected FakeTeamsConnector Connector { get; private set; } = null!;

    protected TeamsClient Teams { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Connector = await FakeTeamsConnector.StartAsync();
        Teams = Bot.CreateTeamsClient(Connector.ServiceUrl);
        await Teams.InstallAsync(installed, inEnglish);
    }

    public virtual async Task DisposeAsync()
    {
        Teams.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
