using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Broadcasts;

/// <summary>
/// What a feature's broadcast carries instead of a plain announcement: a card the feature renders for each recipient
/// (a ballot, an invitation), found by <see cref="Kind"/> and the feature's own <see cref="Reference"/> (a ballot id…).
/// </summary>
public sealed record BroadcastContent(string Kind, string Reference);

/// <summary>
/// Renders a feature's card for one recipient at delivery time, in the recipient's language. Returning null skips
/// that recipient (recorded as not sent, with the reason "plus d'objet"): e.g. the ballot closed meanwhile.
/// </summary>
public interface IBroadcastContent
{
    string Kind { get; }

    Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken);
}

/// <param name="AuthorConversation">Where the live delivery status card goes; null for broadcasts the bot sends on its own (reminders).</param>
/// <param name="ScheduledFor">Null: now.</param>
/// <param name="Id">Letters and digits only (at most 64): a stable id makes a retried job start the broadcast once.</param>
public sealed record BroadcastRequest(
    string Title,
    string Message,
    Audience Audience,
    string AuthorAadObjectId,
    string AuthorName,
    BroadcastContent? Content = null,
    SavedConversation? AuthorConversation = null,
    DateTimeOffset? ScheduledFor = null,
    string? Id = null);

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
            Content: request.Content);
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

public static class BroadcastContentRegistration
{
    public static IServiceCollection AddBroadcastContent<TContent>(this IServiceCollection services)
        where TContent : class, IBroadcastContent
    {
        services.AddSingleton<IBroadcastContent, TContent>();
        return services;
    }
}
