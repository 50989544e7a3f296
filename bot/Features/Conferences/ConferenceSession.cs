using BepBot.Platform.Territory;

namespace BepBot.Features.Conferences;

/// <summary>
/// One Conférence des Bourgmestres session: conferences/sessions/{id}. Every staff change bumps <see cref="Version"/>
/// and keeps the previous one at conferences/versions/{id}/{version}. Answers (poll, RSVP) live beside it, one
/// document per commune, so 40 bourgmestres answering at once never contend.
/// </summary>
/// <param name="BassinId">Null: the whole province (40 communes).</param>
/// <param name="AgendaPublications">How many times the agenda was broadcast (0: not yet published).</param>
public sealed record ConferenceSession(
    string Id,
    int Version,
    string Title,
    string? BassinId,
    string? Location,
    bool Online,
    int DurationMinutes,
    IReadOnlyList<DateTimeOffset> CandidateDates,
    DateTimeOffset? StartsAt,
    QuorumRule Quorum,
    ConferenceState State,
    IReadOnlyList<AgendaItem> Agenda,
    int AgendaPublications,
    IReadOnlyList<Decision> Decisions,
    DateTimeOffset? DecisionsPublishedAt,
    CalendarSync Calendar,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string Change)
{
    public Bassin? Bassin => BassinId is null ? null : TerritoryMap.FindBassin(BassinId);

    public IReadOnlyList<string> CommunesInScope => Bassin?.Communes ?? [.. TerritoryMap.Communes.Select(commune => commune.Name)];

    public bool InScope(string? commune) => commune is not null && CommunesInScope.Contains(commune, StringComparer.Ordinal);

    public DateTimeOffset? EndsAt => StartsAt?.AddMinutes(DurationMinutes);

    public string CalendarTransactionId => "bepbot-conference-" + Id;

    /// <summary>RSVPs and poll answers close when the session starts (or is cancelled).</summary>
    public bool IsOpenForAnswers(DateTimeOffset now) => State != ConferenceState.Cancelled && (StartsAt is null || now < StartsAt);

    public bool IsPast(DateTimeOffset now) => StartsAt is { } start && now >= start;

    /// <summary>Communes needed for the quorum: more than half, two thirds (rounded up), or none.</summary>
    public int QuorumNeeded => QuorumOf(Quorum, CommunesInScope.Count);

    public static int QuorumOf(QuorumRule rule, int communes) => rule switch
    {
        QuorumRule.Majority => (communes / 2) + 1,
        QuorumRule.TwoThirds => ((2 * communes) + 2) / 3,
        _ => 0,
    };
}
