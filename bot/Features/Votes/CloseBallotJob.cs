using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Votes;

public sealed class CloseBallotJob(BallotLifecycle lifecycle) : IJobHandler
{
    public const string JobKind = "votes.close";

    public string Kind => JobKind;

    public Task RunAsync(ScheduledJob job, CancellationToken cancellationToken) => lifecycle.CloseAsync(job.Payload, "BepBot", closedBy: null, cancellationToken);
}
