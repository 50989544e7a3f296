using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Storage;

/// <summary>The temporary files a killed bot left in its local folder store, at the next start.</summary>
public sealed class TemporaryFileSweeperTests : IDisposable
{
    private static readonly TimeSpan AbandonedAge = TimeSpan.FromSeconds(4);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bepbot-sweep-{Guid.NewGuid():N}");

    [Fact]
    public async Task Start_TemporaryFilesOfInterruptedWrites_OldOnesDeletedAtOnceYoungOnesOnceOldAndNoneReadAsDocuments()
    {
        // Created first: the first bot of a test run waits for Azurite, and the young file must stay young until the start.
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "LocalFolder",
            ["Storage:LocalFolder"] = _folder,
            ["Storage:AbandonedTemporaryFileAge"] = AbandonedAge.ToString(),
        });
        var ballotId = BallotStore.NewId();
        var claim = Plant("activities", $".{new string('a', 64)}.json.{Guid.NewGuid():N}.tmp", "{ \"type\": \"inv", TimeSpan.FromHours(1));
        var vote = Plant($"votes/{ballotId}/votes", $".Namur.json.{Guid.NewGuid():N}.tmp", "{ \"commune\": \"Namur\", \"choiceIds\": [", TimeSpan.FromHours(1));
        var delivery = Plant("queues/bepbot-deliveries", $".{Guid.NewGuid():N}.tmp", "{", TimeSpan.FromHours(1));
        var young = Plant($"votes/{ballotId}/votes", $".Dinant.json.{Guid.NewGuid():N}.tmp", "{ \"commune\": \"Din", TimeSpan.Zero);
        Plant($"votes/{ballotId}/votes", "Ciney.json", """{ "commune": "Ciney", "choiceIds": ["pour"], "castBy": "x", "castByName": "y", "byProcuration": false, "castAt": "2026-11-29T09:00:00+00:00", "revision": 1 }""", TimeSpan.FromHours(1));

        var votes = bot.Services.GetRequiredService<BallotStore>();
        await WaitUntilAsync(() => !File.Exists(claim) && !File.Exists(vote) && !File.Exists(delivery), AbandonedAge);
        var youngKeptWhileYoung = File.Exists(young);
        var listedWhileYoungThere = await votes.ListVotesAsync(ballotId);
        var writtenAfterStart = Plant("activities", $".{new string('b', 64)}.json.{Guid.NewGuid():N}.tmp", "{", TimeSpan.FromHours(1));
        await WaitUntilAsync(() => !File.Exists(young), AbandonedAge * 3);

        youngKeptWhileYoung.ShouldBeTrue();
        listedWhileYoungThere.ShouldHaveSingleItem().Commune.ShouldBe("Ciney");
        File.Exists(young).ShouldBeFalse();
        File.Exists(writtenAfterStart).ShouldBeTrue();
        (await bot.ActivityClaimsAsync()).ShouldBeEmpty();
        (await votes.ListVotesAsync(ballotId)).ShouldHaveSingleItem();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Plant(string folder, string name, string content, TimeSpan age)
    {
        var directory = Path.Combine(_folder, folder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within + TimeSpan.FromSeconds(4);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue($"not within {within}");
    }
}
