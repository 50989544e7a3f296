namespace BepBot.Features.Conferences;

/// <summary>One commune's RSVP: conferences/rsvps/{session}/{commune}. The bourgmestre is its only writer.</summary>
public sealed record Rsvp(string Commune, string AadObjectId, string Name, RsvpAnswer Answer, string? HolderAadObjectId, string? HolderName, DateTimeOffset AnsweredAt);
