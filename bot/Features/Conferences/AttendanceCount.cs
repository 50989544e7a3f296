using BepBot.Platform.Territory;

namespace BepBot.Features.Conferences;

/// <summary>
/// Who comes to a session, counted once for the staff's attendance card and the dashboard tab: per bassin in scope,
/// communes present, represented, absent and silent, and whether those present or represented reach the quorum.
/// </summary>
public sealed record AttendanceCount(IReadOnlyList<BassinAttendance> Bassins, int Counted, int InScope, int Needed)
{
    public bool Reached => Counted >= Needed;

    /// <param name="rsvps">The session's answers; only communes in scope count, once each.</param>
    public static AttendanceCount Of(ConferenceSession session, IReadOnlyList<Rsvp> rsvps)
    {
        var answers = rsvps.Where(rsvp => session.InScope(rsvp.Commune)).ToDictionary(rsvp => rsvp.Commune, StringComparer.Ordinal);
        var bassins = TerritoryMap.Bassins.Where(bassin => session.BassinId is null || bassin.Id == session.BassinId).Select(bassin =>
        {
            int Count(RsvpAnswer answer) => bassin.Communes.Count(commune => answers.TryGetValue(commune, out var rsvp) && rsvp.Answer == answer);
            return new BassinAttendance(
                bassin,
                Count(RsvpAnswer.Present),
                Count(RsvpAnswer.Represented),
                Count(RsvpAnswer.Absent),
                [.. bassin.Communes.Where(commune => !answers.ContainsKey(commune))]);
        }).ToList();
        return new AttendanceCount(bassins, bassins.Sum(bassin => bassin.Counted), session.CommunesInScope.Count, session.QuorumNeeded);
    }
}
