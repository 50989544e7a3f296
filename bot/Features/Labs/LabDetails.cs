namespace BepBot.Features.Labs;

/// <summary>What staff describe when they create or edit a lab.</summary>
/// <param name="OnlineLink">Null for a lab on site; <paramref name="Place"/> is null for an online one. Both may be set.</param>
public sealed record LabDetails(
    string Theme,
    string Title,
    string Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    LabAudience Audience,
    DateTimeOffset RegistrationDeadline);
