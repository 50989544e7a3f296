using Azure.Storage.Blobs;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Bot;

/// <summary>
/// The store (blob, queue and claims table) cut off, or one answer of it lost, while Megan votes for Namur: within the
/// turn's deadline she gets her answer and her vote is recorded once; past it she is told the storage is unreachable
/// and nothing is recorded.
/// </summary>
public sealed class StoreCutTests
{
    [Fact]
    public async Task Vote_StoreCutShorterThanTheTurnDeadline_AnsweredAsUsualAndRecordedOnce()
    {
        // Longer than the Azure SDK's own retries (0.8, 1.6 and 3.2 s), shorter than the turn's 12 s.
        await VoteDuringACutAsync(TimeSpan.FromSeconds(7.5), turnDeadline: null, async (bot, ballot, response) =>
        {
            response.AllText.ShouldContain(Fr("Vous avez voté : Pour"));
            var vote = (await bot.Services.GetRequiredService<BallotStore>().GetVoteAsync(ballot.Id, "Namur"))!.Value;
            vote.ChoiceIds.ShouldBe(["pour"]);
            vote.Revision.ShouldBe(1);
            (await SealedAuditAsync(bot, ballot.Id)).Select(entry => entry.Kind).ShouldBe(["created", "opened", "vote-cast"]);
        });
    }

    [Fact]
    public async Task Vote_StoreCutLongerThanTheTurnDeadline_ToldTheStorageIsUnreachableAndNothingRecorded()
    {
        // Past the turn's deadline, but shorter than the Azure SDK's own retries: the deadline is what ends the wait.
        await VoteDuringACutAsync(TimeSpan.FromSeconds(4), turnDeadline: "00:00:01.5", async (bot, ballot, response) =>
        {
            response.AllText.ShouldBe(Fr("Désolé, le stockage de BepBot est momentanément injoignable : votre demande n'a pas été enregistrée. Veuillez réessayer dans une minute."));
            (await bot.Services.GetRequiredService<BallotStore>().GetVoteAsync(ballot.Id, "Namur")).ShouldBeNull();
            (await SealedAuditAsync(bot, ballot.Id)).Select(entry => entry.Kind).ShouldBe(["created", "opened"]);
        });
    }

    [Fact]
    public async Task Vote_AnswerToTheVoteWriteLost_RecordedOnceAsTheCommunesFirstVote()
    {
        var ballot = Motion();
        var container = $"bot-{Guid.NewGuid():N}";
        var lost = new LostAnswerPolicy($"votes/{ballot.Id}/votes/");
        await using var bot = new BotApplication(container).WithServices(services => services.AddSingleton<IDocumentStore>(
            new BlobDocumentStore(new BlobContainerClient(Azurite.ConnectionString, container, TurnDeadlineRetryPolicy.Install(lost.InstallIn(new BlobClientOptions()), TimeProvider.System)))));
        using var teams = bot.CreateTeamsClient();
        await OpenAsync(bot, ballot);

        var response = await VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        lost.Lost.ShouldBe(1);
        response.AllText.ShouldContain(Fr("Vous avez voté : Pour"));
        var vote = (await bot.Services.GetRequiredService<BallotStore>().GetVoteAsync(ballot.Id, "Namur"))!.Value;
        vote.ChoiceIds.ShouldBe(["pour"]);
        vote.Revision.ShouldBe(1);
        (await SealedAuditAsync(bot, ballot.Id)).Select(entry => entry.Kind).ShouldBe(["created", "opened", "vote-cast"]);
    }

    /// <summary>Megan votes Pour for Namur just as the whole store is cut off for <paramref name="cut"/>; checked once the store is back.</summary>
    private static async Task VoteDuringACutAsync(TimeSpan cut, string? turnDeadline, Func<BotApplication, Ballot, BotResponse, Task> check)
    {
        await using var azurite = ProxiedAzurite.Start();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TurnDeadlineAfter"] = turnDeadline,
        });
        using var teams = bot.CreateTeamsClient();
        var ballot = await OpenAsync(bot, Motion());

        var cutting = azurite.CutAsync(cut);
        var response = await VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await cutting;

        await check(bot, ballot, response);
    }
}
