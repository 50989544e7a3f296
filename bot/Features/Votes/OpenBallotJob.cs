using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Votes;

public sealed class OpenBallotJob(BallotLifecycle lifecycle) : IJobHandler
{
    public const string JobKind = "votes.open";

    public string Kind => JobKind;

    public Task RunAsync(ScheduledJob job, CancellationToken cancellationToken) => lifecycle.OpenAsync(job.Payload, cancellationToken);
}
