using BepBot.Chat;

namespace BepBot.Teams;

/// <summary>Who an activity comes from, as the roster sees them.</summary>
/// <param name="ClaimsAnotherTenantsMember">
/// The activity carries the object id of a roster entry that belongs to another tenant: it is answered as a guest's,
/// and nothing of it is remembered (no conversation reference, no flow), so it cannot take that person's place.
/// </param>
public sealed record TurnUser(ChatUser User, bool ClaimsAnotherTenantsMember);
