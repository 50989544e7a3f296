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
public sealed class BallotOpeningTests : IAsyncLifetime
{
    private readonly BotApplication _bot = new BotApplication().WithServices(services =>
        services.Remove(services.Single(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(JobRunnerService))));

    private TeamsClient _teams = null!;

    private BallotLifecycle Lifecycle => _bot.Services.GetRequiredService<BallotLifecycle>();

    public Task InitializeAsync()
    {
        _teams = _bot.CreateTeamsClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _teams.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task OpenNow_ClickBeforeTheOpeningJobRan_VoteRecorded()
    {
        var ballot = Motion() with { CreatedAt = _bot.Clock.GetUtcNow() };
        await Lifecycle.CreateAsync(ballot, CancellationToken.None);

        var vote = await VoteAsync(_teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        CardReader.AllText(vote.UpdatedCard!).ShouldContain("Vous avez voté : Pour");
        (await GetAsync(_bot, ballot.Id)).State.ShouldBe(BallotState.Open);
        (await _bot.Services.GetRequiredService<BallotStore>().GetVoteAsync(ballot.Id, "Namur")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Scheduled_ClickAfterItsOpeningTimeBeforeTheJobRan_OpensItAndRecordsTheVote()
    {
        var now = _bot.Clock.GetUtcNow();
        var ballot = Motion() with { OpensAt = now.AddMinutes(10), ClosesAt = now.AddHours(2), CreatedAt = now };
        await Lifecycle.CreateAsync(ballot, CancellationToken.None);
        _bot.Clock.Offset = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);

        var vote = await VoteAsync(_teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        CardReader.AllText(vote.UpdatedCard!).ShouldContain("Vous avez voté : Pour");
        var opened = await GetAsync(_bot, ballot.Id);
        opened.State.ShouldBe(BallotState.Open);
        opened.OpenedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Scheduled_ClickBeforeItsOpeningTime_RefusedWithTheOpeningTimeAndNothingWritten()
    {
        var now = _bot.Clock.GetUtcNow();
        var ballot = Motion() with { OpensAt = now.AddDays(1), ClosesAt = now.AddDays(2), CreatedAt = now };
        await Lifecycle.CreateAsync(ballot, CancellationToken.None);
        var before = await StoreSnapshot.TakeAsync(_bot.Store, "ballots/");

        var vote = await VoteAsync(_teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        vote.AllText.ShouldContain("Ce vote n'est pas encore ouvert (ouverture le ");
        vote.AllText.ShouldNotContain("?");
        (await StoreSnapshot.TakeAsync(_bot.Store, "ballots/")).ShouldBe(before);
    }
}
