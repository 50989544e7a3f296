using System.Text.Json.Nodes;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Teams;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Bot;

/// <summary>
/// A burst click whose work outlasts the wait (here none) is answered « Demande prise en compte » at once; its own
/// card then replaces that one in the chat (a PUT of the clicked message), and a click kept in its claim by an instance
/// that died is run again by another once its lease is over. Megan is the bourgmestre of Namur.
/// </summary>
public sealed class LateAnswerTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele],
    settings: new Dictionary<string, string?> { ["LateAnswers:After"] = "00:00:00", ["Votes:ReminderBeforeClose"] = "30.00:00:00" })
{
    private const string ClickedCard = "activity-ballot-card";

    [Fact]
    public async Task VoteClick_WorkOutlastsTheWait_PrisEnCompteAtOnceThenTheBallotCardReplacesItOnce()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var answer = await Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", Cast(ballot.Id, "Namur", "pour"), activityId: "click-1", cardActivityId: ClickedCard);

        CardReader.AllText(answer.UpdatedCard!).ShouldContain("Demande prise en compte");
        var put = await WaitForUpdateAsync(ClickedCard);
        put.AllText.ShouldContain(Fr("Vous avez voté : Pour"));
        (await Bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).ShouldHaveSingleItem().Commune.ShouldBe("Namur");

        // Teams resending the same click after all: the claim was completed with the work, nothing runs twice, and
        // the answer is the ballot card as it stands.
        var resent = await Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", Cast(ballot.Id, "Namur", "contre"), activityId: "click-1", cardActivityId: ClickedCard);
        CardReader.AllText(resent.UpdatedCard!).ShouldContain(Fr("Vous avez voté : Pour"));
        (await Bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).ShouldHaveSingleItem().ChoiceIds.ShouldBe(["pour"]);
        Connector.UpdatesOf(ClickedCard).Count.ShouldBe(1);
    }

    [Fact]
    public async Task VoteClick_RefusedInItsLateWork_TheCardSaysWhyAndNothingIsRecorded()
    {
        var ballot = await OpenAsync(Bot, Motion());

        var answer = await Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", Cast(ballot.Id, "Dinant", "pour"), cardActivityId: ClickedCard);

        CardReader.AllText(answer.UpdatedCard!).ShouldContain("Demande prise en compte");
        var put = await WaitForUpdateAsync(ClickedCard);
        put.AllText.ShouldContain("Demande non aboutie");
        put.AllText.ShouldContain("Vous ne pouvez pas voter pour cette commune");
        (await Bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task VoteClick_ClientNamesNoClickedMessage_TheBallotCardComesAsAMessageOfItsOwn()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var personal = TeamsClient.ConversationIdFor(TeamsUser.Megan, ConversationType.Personal);

        var answer = await Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", Cast(ballot.Id, "Namur", "contre"));

        CardReader.AllText(answer.UpdatedCard!).ShouldContain("Demande prise en compte");
        await Eventually.WaitUntilAsync(
            () => Task.FromResult(Connector.Delivered.Any(request => request.ConversationId == personal && request.AllText.Contains(Fr("Vous avez voté : Contre"), StringComparison.Ordinal))),
            TimeSpan.FromSeconds(15),
            () => "the ballot card never came");
        Connector.Requests.ShouldNotContain(request => request.Method == "PUT");
    }

    [Fact]
    public async Task KeptClick_ItsInstanceDiedBeforeTheWorkEnded_RunAgainOnceAfterItsLeaseAndTheCardUpdated()
    {
        var ballot = await OpenAsync(Bot, Motion());
        // What an instance wrote before it died: the click's claim, with the activity, and nothing else.
        var json = Teams.Activity(TeamsUser.Megan, "invoke", ConversationType.Personal, "click-of-the-dead", activity =>
        {
            activity["name"] = "adaptiveCard/action";
            activity["replyToId"] = ClickedCard;
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "votes.cast", ["data"] = Cast(ballot.Id, "Namur", "contre") } };
        }).ToJsonString();
        var activity = JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Activity>(json)!;
        var claims = Bot.Services.GetRequiredService<IActivityClaims>();
        (await claims.ClaimAsync(DuplicateActivityMiddleware.KeyOf(activity), "invoke", json)).MayRun.ShouldBeTrue();
        var recovery = Bot.Services.GetRequiredService<AbandonedClickRecovery>();

        Bot.Clock.Offset += TimeSpan.FromMinutes(2);
        (await recovery.RecoverAsync()).ShouldBe(0, "its lease is over, but a burst's backlog may still be working on it");
        Bot.Clock.Offset += TimeSpan.FromMinutes(2);
        (await recovery.RecoverAsync()).ShouldBe(1);

        (await WaitForUpdateAsync(ClickedCard)).AllText.ShouldContain(Fr("Vous avez voté : Contre"));
        (await Bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).ShouldHaveSingleItem().ChoiceIds.ShouldBe(["contre"]);
        await Eventually.WaitUntilAsync(async () => (await recovery.RecoverAsync()) == 0 && !(await claims.AbandonedAsync(Bot.Clock.GetUtcNow().AddHours(1)).AnyAsync()), TimeSpan.FromSeconds(10), () => "the click was not completed");
        Connector.UpdatesOf(ClickedCard).Count.ShouldBe(1);
    }

    private async Task<ConnectorRequest> WaitForUpdateAsync(string activityId)
    {
        await Eventually.WaitUntilAsync(() => Task.FromResult(Connector.UpdatesOf(activityId).Count > 0), TimeSpan.FromSeconds(15), () => "the clicked card was never updated");
        return Connector.UpdatesOf(activityId)[0];
    }
}
