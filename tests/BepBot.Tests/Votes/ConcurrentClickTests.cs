using System.Net;
using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Votes;

/// <summary>Twenty identical clicks at once, as an impatient user or a replaying attacker sends them: one vote, counted once.</summary>
public sealed class ConcurrentClickTests : BotConversationTest
{
    private BallotStore Ballots => Bot.Services.GetRequiredService<BallotStore>();

    [Fact]
    public async Task TwentyIdenticalClicks_AtOnce_OneVoteRecordedOnce()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => VoteAsync(Client, TeamsUser.Megan, ballot.Id, "Namur", "pour")));

        responses.ShouldAllBe(response => response.Status == HttpStatusCode.OK);
        (await Ballots.VotedCommunesAsync(ballot)).ShouldBe(["Namur"]);
        var vote = (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value;
        vote.ChoiceIds.ShouldBe(["pour"]);
        vote.Revision.ShouldBe(1);
        (await Ballots.ListVotesAsync(ballot.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TwentyDeliveriesOfOneClick_AtOnce_OneVoteRecordedOnce()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => VoteAsync(Client, TeamsUser.Megan, ballot.Id, "Namur", "contre", activityId: "one-click")));

        responses.ShouldAllBe(response => response.Status == HttpStatusCode.OK);
        var vote = (await Ballots.GetVoteAsync(ballot.Id, "Namur"))!.Value;
        vote.ChoiceIds.ShouldBe(["contre"]);
        vote.Revision.ShouldBe(1);
        (await Ballots.ListVotesAsync(ballot.Id)).Count.ShouldBe(1);
    }
}
