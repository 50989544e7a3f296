using BepBot.Infrastructure.Scheduling;

namespace BepBot.Platform.Delivery;

/// <summary>
/// The way features send to an audience through the durable broadcast engine (votes, invitations, reminders,
/// cancellations): same fan-out, Teams rate limits, retries and delivery report as staff announcements.
/// </summary>
public sealed class Broadcaster(BroadcastStore broadcasts, JobBook jobs, TimeProvider clock)
{
    /// <summary>Creates the broadcast and schedules its launch. With a given <see cref="BroadcastRequest.Id"/>, a second call is a no-op (idempotent jobs).</summary>
    public async Task<Broadcast> StartAsync(BroadcastRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Id is { } id && !BroadcastStore.IsValidId(id))
        {
            throw new ArgumentException("A broadcast id is letters and digits only, at most 64.", nameof(request));
        }

        var now = clock.GetUtcNow();
        var broadcast = new Broadcast(
            request.Id ?? BroadcastStore.NewId(),
            request.Title,
            request.Message,
            request.Audience,
            request.AuthorAadObjectId,
            request.AuthorName,
            now,
            request.ScheduledFor,
            BroadcastState.Scheduled,
            request.AuthorConversation,
            Content: request.Content,
            Updates: request.Updates);
        try
        {
            await broadcasts.CreateAsync(broadcast, cancellationToken);
        }
        catch (Infrastructure.Storage.DocumentConflictException) when (request.Id is not null)
        {
            return (await broadcasts.GetAsync(request.Id, cancellationToken))!.Value;
        }

        await jobs.ScheduleAsync(LaunchBroadcastJob.JobKind, LaunchBroadcastJob.JobIdOf(broadcast.Id), request.ScheduledFor ?? now, broadcast.Id, cancellationToken);
        return broadcast;
    }
}
