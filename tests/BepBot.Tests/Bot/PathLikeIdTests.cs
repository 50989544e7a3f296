using System.Net;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

/// <summary>
/// Ids in card data that look like paths, clicked by someone allowed to use the verb, against the local-folder store
/// (where a path could escape): each is refused with a message, and nothing is written, inside the store or beside it.
/// </summary>
public sealed class PathLikeIdTests : IAsyncLifetime
{
    public static TheoryData<string> Ids { get; } = ["../../roster/current", "..%2F..%2Froster%2Fcurrent", "..\\..\\roster\\current", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "ballots/../../../x"];

    private readonly string _root = Directory.CreateTempSubdirectory("bepbot-paths-").FullName;
    private BotApplication _bot = null!;
    private TeamsClient _teams = null!;

    private string Store => Path.Combine(_root, "store");

    public async Task InitializeAsync()
    {
        _bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "LocalFolder",
            ["Storage:LocalFolder"] = Store,
            ["Storage:ConnectionString"] = null,
        });
        _teams = _bot.CreateTeamsClient();
        foreach (var user in new[] { TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti })
        {
            await _teams.SayAsync(user, "aide");
        }
    }

    public async Task DisposeAsync()
    {
        _teams.Dispose();
        await _bot.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task PathLikeId_InEveryKindOfCard_RefusedAndNothingWrittenAnywhere(string id)
    {
        var before = await DocumentsAsync();
        var clicks = new (TeamsUser User, string Verb, JsonObject Data)[]
        {
            (TeamsUser.Megan, "votes.cast", new JsonObject { ["ballotId"] = id, ["commune"] = "Namur", ["choice"] = "pour" }),
            (TeamsUser.Megan, "votes.show", new JsonObject { ["ballotId"] = id }),
            (TeamsUser.Megan, "conferences.show", new JsonObject { ["sessionId"] = id }),
            (TeamsUser.Megan, "projects.show", new JsonObject { ["projectId"] = id }),
            (TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = id }),
            (TeamsUser.Patti, "labs.show", new JsonObject { ["labId"] = id }),
            (TeamsUser.Alex, "broadcasts.send", new JsonObject { ["draftId"] = id }),
            (TeamsUser.Alex, "broadcasts.report", new JsonObject { ["broadcastId"] = id }),
            (TeamsUser.Alex, "roster.remove", new JsonObject { ["aadObjectId"] = id }),
        };

        foreach (var (user, verb, data) in clicks)
        {
            var response = await _teams.InvokeAsync(user, verb, data);

            response.Status.ShouldBe(HttpStatusCode.OK, verb);
            response.AllText.ShouldNotBeEmpty(verb);
            response.AllText.ShouldNotContain("erreur inattendue", customMessage: verb);
        }

        (await DocumentsAsync()).ShouldBe(before);
        Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).ShouldBe(["store"]);
    }

    // The activity claims (one per click) are the only writes a refused click makes; they live under activities/.
    private async Task<List<KeyValuePair<string, string>>> DocumentsAsync() =>
        [.. (await StoreSnapshot.TakeAsync(_bot.Store)).Where(document => !document.Key.StartsWith("activities/", StringComparison.Ordinal))];
}
