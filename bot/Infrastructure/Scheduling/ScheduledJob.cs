namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// A unit of timed work, stored as the document <c>jobs/{id}</c>. <see cref="Attempts"/> counts failed runs (a handler
/// exception, or an owner that crashed and let its lease expire). <see cref="Payload"/> is the handler's own data,
/// usually JSON.
/// </summary>
public sealed record ScheduledJob(
    string Id,
    string Kind,
    DateTimeOffset DueAt,
    string Payload,
    JobState State,
    int Attempts,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? CompletedAt,
    string? LastError);
