using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Bot;

public sealed class DuplicateClaimTests
{
    [Fact]
    public async Task Message_StorageClientResentTheClaimAfterALostResponse_TurnStillRunsOnce()
    {
        await using var bot = new BotApplication();
        bot.WithServices(services =>
        {
            var registered = services.Last(descriptor => descriptor.ServiceType == typeof(IDocumentStore));
            services.AddSingleton<IDocumentStore>(provider => new CreateAnsweredTwice((IDocumentStore)registered.ImplementationFactory!(provider)));
        });
        using var teams = bot.CreateTeamsClient();

        var first = await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "retried-1");
        var replay = await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "retried-1");

        first.AllText.ShouldContain("bourgmestre");
        replay.Texts.ShouldBeEmpty();
    }

    /// <summary>What Azure's client does when a create's response is lost: it sends the create again and reports the 409 of its own first write.</summary>
    private sealed class CreateAnsweredTwice(IDocumentStore inner) : IDocumentStore
    {
        public async Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default)
        {
            var etag = await inner.CreateAsync(key, content, cancellationToken);
            return key.StartsWith("activities/", StringComparison.Ordinal) ? await inner.CreateAsync(key, content, cancellationToken) : etag;
        }

        public Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(key, content, etag, cancellationToken);

        public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, content, cancellationToken);

        public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, etag, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);
    }
}
