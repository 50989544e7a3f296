using BepBot.Features.Votes;
using BepBot.Infrastructure.Scheduling;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Votes;

/// <summary>
/// A ballot open now is open, whether or not the job that sends its cards has run. The job runner is left out of this
/// bot, so every click lands in the window between « Vote créé … est ouvert » and that job.
/// </summary>
public sealed class BallotOpeningTests() : BotConversationTest(services: services =>
    services.Remove(services.Single(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(JobRunnerService))))
{
    private BallotLifecycle Lifecycle => Bot.Services.GetRequiredService<BallotLifecycle>();

    [Fact]
    public async Task OpenNow_ClickBeforeTheOpeningJobRan_VoteRecorded()
    {
        var ballot = Motion() with { CreatedAt = Bot.Clock.GetUtcNow() };
        await Lifecycle.CreateAsync(ballot, CancellationToken.None);

        var vote = await VoteAsync(Client, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        CardReader.AllText(vote.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        (await GetAsync(Bot, ballot.Id)).State.ShouldBe(BallotState.Open);
        (await Bot.Services.GetRequiredService<BallotStore>().GetVoteAsync(ballot.Id, "Namur")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Scheduled_ClickAfterItsOpeningTimeBeforeTheJobRan_OpensItAndRecordsTheVote()
    {
        var now = Bot.Clock.GetUtcNow();
        var ballot = Motion() with { OpensAt = now.AddMinutes(10), ClosesAt = now.AddHours(2), CreatedAt = now };
        await Lifecycle.CreateAsync(ballot, CancellationToken.None);
        Bot.Clock.Offset = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);

        var vote = await VoteAsync(Client, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        CardReader.AllText(vote.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        var opened = await GetAsync(Bot, ballot.Id);
        opened.State.ShouldBe(BallotState.Open);
        opened.OpenedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Scheduled_ClickBeforeItsOpeningTime_RefusedWithTheOpeningTimeAndNothingWritten()
    {
        var now = Bot.Clock.GetUtcNow();
        var ballot = Motion() with { OpensAt = now.AddDays(1), ClosesAt = now.AddDays(2), CreatedAt = now };
        await Lifecycle.CreateAsync(ballot, CancellationToken.None);
        var before = await StoreSnapshot.TakeAsync(Bot.Store, "ballots/");

        var vote = await VoteAsync(Client, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        vote.AllText.ShouldContain("Ce vote n'est pas encore ouvert (ouverture le ");
        vote.AllText.ShouldNotContain("?");
        (await StoreSnapshot.TakeAsync(Bot.Store, "ballots/")).ShouldBe(before);
    }
}
