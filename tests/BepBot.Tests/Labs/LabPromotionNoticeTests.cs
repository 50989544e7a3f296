using System.Text.Json.Nodes;
using BepBot.Features.Labs;
using BepBot.Infrastructure.Scheduling;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

/// <summary>The notice to a person promoted from the waiting list: a job, so that Teams refusing for a while delays it but does not lose it.</summary>
public sealed class LabPromotionNoticeTests() : LabsBotTestBase(new Dictionary<string, string?> { ["Scheduling:RetryDelay"] = "00:00:00.200" })
{
    private static readonly string LynneChat = TeamsClient.ConversationIdFor(TeamsUser.Lynne, ConversationType.Personal);

    private JobBook Jobs => Bot.Services.GetRequiredService<JobBook>();

    [Fact]
    public async Task Promotion_TeamsRefusesTheFirstSend_ToldOnceOnTheRetry()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        Connector.Script(LynneChat, 503);

        await CancelPattiAsync(lab);

        (await WaitForCardsToAsync(TeamsUser.Lynne, "Une place s'est libérée")).Count.ShouldBe(1);
        Connector.Requests.Where(request => request.ConversationId == LynneChat).Select(request => request.Status).ShouldBe([503, 200]);
        var job = await WaitForJobAsync(await PromotionJobIdAsync(lab));
        (job.State, job.Attempts).ShouldBe((JobState.Done, 1));
    }

    [Fact]
    public async Task Promotion_ChatGone_NotRetriedAndLogged()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();
        Connector.Script(LynneChat, 404, 404, 404);

        await CancelPattiAsync(lab);

        var job = await WaitForJobAsync(await PromotionJobIdAsync(lab));
        await Task.Delay(600);
        job.State.ShouldBe(JobState.Done);
        Connector.Requests.Count(request => request.ConversationId == LynneChat).ShouldBe(1);
    }

    [Fact]
    public async Task Notice_PersonNoLongerConfirmed_NotTold()
    {
        var lab = await OneSeatPattiInLynneWaitingAsync();

        // A notice that finds Lynne still waiting (as after leaving a seat before the notice ran) sends nothing.
        await Jobs.ScheduleAsync(LabPromotionNoticeJob.JobKind, "labs-promoted-test", DateTimeOffset.UtcNow, lab.Id + ":" + TeamsUser.Lynne.AadObjectId);

        (await WaitForJobAsync("labs-promoted-test")).State.ShouldBe(JobState.Done);
        CardsTo(TeamsUser.Lynne).ShouldBeEmpty();
    }

    private Task<BotResponse> CancelPattiAsync(Lab lab) =>
        Teams.InvokeAsync(TeamsUser.Patti, "labs.cancel", new JsonObject { ["labId"] = lab.Id, ["from"] = "mine" });

    private async Task<string> PromotionJobIdAsync(Lab lab)
    {
        var promoted = (await LabAsync(lab.Id)).StandingOf(TeamsUser.Lynne.AadObjectId)!.Registration;
        promoted.Status.ShouldBe(SeatStatus.Confirmed);
        return LabPromotionNoticeJob.JobIdOf(lab.Id, promoted);
    }

    private async Task<ScheduledJob> WaitForJobAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var job = await Jobs.GetAsync(id);
        while (job?.State is null or JobState.Pending or JobState.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            job = await Jobs.GetAsync(id);
        }

        return job.ShouldNotBeNull();
    }
}
