namespace BepBot.Features.Roster;

public sealed record RemoveRosterMemberData(string AadObjectId);
