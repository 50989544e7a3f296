using BepBot.Platform.Territory;

namespace BepBot.Features.Conferences;

public enum ConferenceState
{
    DatePoll,
    Scheduled,
    Cancelled,
}

/// <summary>How many communes in scope must be present or represented for the Conférence to deliberate.</summary>
public enum QuorumRule
{
    Majority,
    TwoThirds,
    None,
}

public enum RsvpAnswer
{
    Present,
    Absent,
    Represented,
}

public enum PollChoice
{
    Yes,
    Maybe,
    No,
}

public enum CalendarSyncState
{
    NotConfigured,
    Pending,
    Synced,
    Failed,
    Cancelled,
}

public sealed record AgendaLink(string Title, string Url);

/// <param name="VoteQuestion">A vote planned on this item (the votes feature opens the ballot).</param>
/// <param name="BallotId">The ballot held on this item, once the votes feature opened it.</param>
public sealed record AgendaItem(string Id, string Title, string? Presenter, int Minutes, IReadOnlyList<AgendaLink> Links, string? VoteQuestion = null, string? BallotId = null);

/// <param name="BallotId">The ballot this decision came from (votes feature), when it did.</param>
public sealed record Decision(string Text, string? Link = null, string? BallotId = null);

/// <summary>Where the Outlook event stands: the session is kept whatever Graph answers.</summary>
public sealed record CalendarSync(CalendarSyncState State, string? EventId = null, string? Reason = null, DateTimeOffset? UpdatedAt = null, int Attempts = 0);

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

/// <summary>One commune's RSVP: conferences/rsvps/{session}/{commune}. The bourgmestre is its only writer.</summary>
public sealed record Rsvp(string Commune, string AadObjectId, string Name, RsvpAnswer Answer, string? HolderAadObjectId, string? HolderName, DateTimeOffset AnsweredAt);

/// <summary>One commune's date-poll answers: conferences/polls/{session}/{commune}, by candidate index.</summary>
public sealed record PollAnswer(string Commune, string AadObjectId, string Name, IReadOnlyList<PollChoice> Choices, DateTimeOffset AnsweredAt);

/// <summary>The agenda as broadcast the n-th time: conferences/agendas/{session}/{n}, the base of the next "ce qui a changé".</summary>
public sealed record AgendaPublication(string SessionId, int Number, DateTimeOffset StartsAt, IReadOnlyList<AgendaItem> Items, DateTimeOffset PublishedAt, string PublishedBy);
