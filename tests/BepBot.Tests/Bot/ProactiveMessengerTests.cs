using BepBot.Chat;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Bot;

public sealed class ProactiveMessengerTests : IAsyncLifetime
{
    private readonly BotApplication _bot = new();
    private FakeTeamsConnector _connector = null!;
    private SavedConversation _megan = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        using var teams = _bot.CreateTeamsClient(_connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Megan);
        _megan = (await _bot.Services.GetRequiredService<ConversationDirectory>().FindPersonalAsync(TeamsUser.Megan.AadObjectId))!;
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private IProactiveMessenger Messenger => _bot.Services.GetRequiredService<IProactiveMessenger>();

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(502)]
    public async Task Send_ConnectorError_ThrowsWithStatusAndTriesOnce(int status)
    {
        _connector.ForcedStatus = status;
        _connector.RetryAfterSeconds = 7;

        var error = await Should.ThrowAsync<ProactiveSendException>(() => Messenger.SendAsync(_megan, new OutgoingMessage("Bonjour")));

        error.StatusCode.ShouldBe(status);
        if (status == 429)
        {
            error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        }

        _connector.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Update_SentMessage_PutsToSameActivity()
    {
        var id = await Messenger.SendAsync(_megan, new OutgoingMessage("Envoi en cours"));

        await Messenger.UpdateAsync(_megan, id!, new OutgoingMessage("Envoi terminé"));

        var update = _connector.Requests[^1];
        update.Method.ShouldBe("PUT");
        update.Path.ShouldEndWith("/activities/" + id);
        ((string?)update.Activity["text"]).ShouldBe("Envoi terminé");
    }
}
