using BepBot.Chat;
using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Bot;

/// <summary>
/// Teams' patience runs from the click's arrival: a click that waited for its place (a burst, the backlog of an outage)
/// has spent its wait before « Demande prise en compte » already, and is answered so as soon as it is let in, not
/// after a wait of its own. Megan is the bourgmestre of Namur.
/// </summary>
public sealed class WaitForAPlaceTests() : ConnectedBotTest(
    [TeamsUser.Megan],
    settings: new Dictionary<string, string?> { ["Bot:MaxTurnsAtOnce"] = "1", ["LateAnswers:After"] = "00:00:01" })
{
    private const string ClickedCard = "activity-ballot-card";

    [Fact]
    public async Task VoteClick_WaitedLongerThanTheWaitForItsPlace_PrisEnCompteOnceLetInAndTheBallotCardLater()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var admission = Bot.Services.GetRequiredService<TurnAdmission>();
        var inside = await admission.EnterAsync(Bot.Clock.GetUtcNow(), CancellationToken.None);

        var click = Teams.InvokeAsync(TeamsUser.Megan, "votes.cast", Cast(ballot.Id, "Namur", "pour"), cardActivityId: ClickedCard);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        click.IsCompleted.ShouldBeFalse("the click waits for the only place");
        inside.Dispose();
        var answer = await click;

        CardReader.AllText(answer.UpdatedCard!).ShouldContain("Demande prise en compte");
        await Eventually.WaitUntilAsync(() => Task.FromResult(Connector.UpdatesOf(ClickedCard).Count > 0), TimeSpan.FromSeconds(15), () => "the clicked card was never updated");
        Connector.UpdatesOf(ClickedCard).ShouldHaveSingleItem().AllText.ShouldContain(Fr("Vous avez voté : Pour"));
        (await Bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).ShouldHaveSingleItem().Commune.ShouldBe("Namur");
    }
}
