using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Votes;

public sealed class RemindBallotJob(BallotLifecycle lifecycle) : IJobHandler
{
    public const string JobKind = "votes.remind";

    public string Kind => JobKind;

    public Task RunAsync(ScheduledJob job, CancellationToken cancellationToken) => lifecycle.RemindAsync(job.Payload, "vm" + job.Payload + "auto", onlyCommune: null, cancellationToken);
}
