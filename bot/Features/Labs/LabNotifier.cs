using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Labs;

/// <summary>
/// Tells people promoted from the waiting list, in their own chat and language. Each promotion becomes a job due at
/// once: the instance that wrote the seat runs it within moments, and a send Teams refuses for a while is retried by
/// the scheduler instead of being lost. Not a broadcast (one message to one person), but paced with all proactive traffic.
/// </summary>
public sealed class LabNotifier(JobBook jobs, TimeProvider clock)
{
    public async Task PromotedAsync(Lab lab, IReadOnlyList<Registration> promoted, CancellationToken cancellationToken)
    {
        foreach (var registration in promoted)
        {
            await jobs.ScheduleAsync(
                LabPromotionNoticeJob.JobKind,
                LabPromotionNoticeJob.JobIdOf(lab.Id, registration),
                clock.GetUtcNow(),
                lab.Id + ":" + registration.AadObjectId,
                cancellationToken);
        }
    }
}
