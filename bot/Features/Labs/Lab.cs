using BepBot.Chat;
using BepBot.Infrastructure.Time;

namespace BepBot.Features.Labs;

/// <summary>
/// A lab and its seat ledger in ONE document, so that every change that touches seats (an arrival, a cancellation,
/// a capacity edit, a close) is a single ETag-guarded write that re-establishes the seat rules: never more than
/// <see cref="Capacity"/> confirmed, at most <see cref="CommuneQuota"/> confirmed per commune, and never a free seat
/// while an eligible person waits. See <see cref="LabBook"/> for how concurrent arrivals get into it.
/// </summary>
public sealed record Lab(
    string Id,
    LabDetails Details,
    int Capacity,
    int? CommuneQuota,
    LabState State,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Registration> Registrations,
    int Revision = 1)
{
    public IEnumerable<Registration> Confirmed => Registrations.Where(registration => registration.Status == SeatStatus.Confirmed);

    public IEnumerable<Registration> Waiting => Registrations.Where(registration => registration.Status == SeatStatus.Waiting).OrderBy(registration => registration.Ordinal);

    public int SeatsLeft => Math.Max(0, Capacity - Confirmed.Count());

    public Registration? ActiveOf(string aadObjectId) =>
        Registrations.FirstOrDefault(registration => registration.IsActive && string.Equals(registration.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));

    public bool IsOpenFor(DateTimeOffset at) => State == LabState.Open && at <= Details.RegistrationDeadline;

    /// <summary>Attendance is noted from the day the lab starts (Brussels time), not before.</summary>
    public bool IsAttendanceDay(DateTimeOffset now) => BelgianTime.ToBrussels(now).Date >= BelgianTime.ToBrussels(Details.StartsAt).Date;

    /// <summary>Whether the seminar is meant for this role: BEP staff organise seminars, they do not register for them.</summary>
    public bool Admits(Role role) => Details.Audience switch
    {
        LabAudience.Officers => role is Role.Officer,
        LabAudience.Bourgmestres => role is Role.Bourgmestre,
        _ => role is Role.Officer or Role.Bourgmestre,
    };

    public Standing? StandingOf(string aadObjectId)
    {
        var registration = ActiveOf(aadObjectId);
        if (registration is null)
        {
            return null;
        }

        if (registration.Status == SeatStatus.Confirmed)
        {
            return new Standing(registration, null, null);
        }

        var position = Waiting.TakeWhile(waiting => waiting.Ordinal != registration.Ordinal).Count() + 1;
        var reason = CommuneQuota is { } quota && ConfirmedIn(registration.Commune) >= quota ? WaitReason.Quota : WaitReason.Full;
        return new Standing(registration, position, reason);
    }

    public int ConfirmedIn(string commune) => Confirmed.Count(registration => registration.Commune == commune);

    /// <summary>
    /// The seat rule, applied after every change: the first waiting people (arrival order) whose commune is under its
    /// quota take the free seats. Deterministic, so any writer that wins the ETag race computes the same ledger.
    /// </summary>
    public Lab Settle(DateTimeOffset now)
    {
        if (State == LabState.Cancelled)
        {
            return this;
        }

        var registrations = Registrations.ToList();
        var confirmed = registrations.Count(registration => registration.Status == SeatStatus.Confirmed);
        var perCommune = registrations.Where(registration => registration.Status == SeatStatus.Confirmed)
            .GroupBy(registration => registration.Commune)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        foreach (var waiting in registrations.Where(registration => registration.Status == SeatStatus.Waiting).OrderBy(registration => registration.Ordinal).ToList())
        {
            if (confirmed >= Capacity)
            {
                break;
            }

            var inCommune = perCommune.GetValueOrDefault(waiting.Commune);
            if (CommuneQuota is { } quota && inCommune >= quota)
            {
                continue;
            }

            registrations[registrations.IndexOf(waiting)] = waiting with { Status = SeatStatus.Confirmed, ChangedAt = now };
            perCommune[waiting.Commune] = inCommune + 1;
            confirmed++;
        }

        return this with { Registrations = registrations };
    }

    /// <summary>Takes arrival tickets into the ledger, oldest first, then settles the seats.</summary>
    public Lab Admit(IEnumerable<ArrivalTicket> tickets, DateTimeOffset now)
    {
        var registrations = Registrations.ToList();
        var next = registrations.Count == 0 ? 1 : registrations.Max(registration => registration.Ordinal) + 1;
        foreach (var ticket in tickets.OrderBy(ticket => ticket.ReceivedAt).ThenBy(ticket => ticket.Key, StringComparer.Ordinal))
        {
            var duplicate = registrations.Any(registration => registration.IsActive && string.Equals(registration.AadObjectId, ticket.AadObjectId, StringComparison.OrdinalIgnoreCase));
            var admitted = !duplicate && (ticket.ByStaff ? State != LabState.Cancelled : IsOpenFor(ticket.ReceivedAt));
            registrations.Add(new Registration(
                ticket.Key, next++, ticket.AadObjectId, ticket.Name, ticket.Commune,
                admitted ? SeatStatus.Waiting : SeatStatus.Dropped, ticket.ReceivedAt, now, ticket.ByStaff ? "staff" : null));
        }

        return (this with { Registrations = registrations }).Settle(now);
    }

    /// <summary>People confirmed in <paramref name="after"/> who were waiting in this version: they must be told.</summary>
    public IReadOnlyList<Registration> PromotedIn(Lab after) =>
        [.. after.Confirmed.Where(registration => Registrations.Any(before => before.Ticket == registration.Ticket && before.Status == SeatStatus.Waiting))];
}
