using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Roster;

/// <summary>
/// At a person's first contact, binds the one entry registered by e-mail that matches their e-mail or user principal
/// name (case-insensitive) to their object id and tenant. Decided on the latest roster under If-Match, so two first
/// contacts at once cannot both bind one entry. Several candidate entries, or one already bound to someone else, bind
/// nothing and are kept as a conflict for `annuaire`.
/// </summary>
public sealed partial class BindPendingMember(RosterDirectory roster, TimeProvider clock, ILogger<BindPendingMember> logger) : IMemberBinder
{
    public async Task<string?> PendingVersionAsync(CancellationToken cancellationToken = default)
    {
        var current = await roster.GetAsync(cancellationToken);
        return current.Members.Any(member => member.IsPending) ? current.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) : null;
    }

    public async Task<Member?> BindAsync(PersonIdentity person, CancellationToken cancellationToken = default)
    {
        var (member, outcome) = await roster.DecideAsync(current => Decide(current, person), cancellationToken);
        switch (outcome)
        {
            case Outcome.Bound:
                LogBound(logger, person.AadObjectId, member!.Role);
                break;
            case Outcome.OtherTenant:
                LogOtherTenant(logger, person.AadObjectId);
                break;
            case Outcome.SeveralEntries or Outcome.AlreadyBound:
                LogConflict(logger, person.AadObjectId, outcome);
                break;
        }

        return member;
    }

    private (RosterDocument? Next, (Member? Member, Outcome Outcome)) Decide(RosterDocument current, PersonIdentity person)
    {
        // Bound meanwhile (an install and a message at once): nothing more to do.
        if (current.Members.FirstOrDefault(member => !member.IsPending && IsPerson(member, person)) is { } already)
        {
            return (null, (already, Outcome.Bound));
        }

        var addresses = new[] { person.Email, person.UserPrincipalName }.Where(address => !string.IsNullOrWhiteSpace(address)).ToList();
        var candidates = current.Members
            .Where(member => addresses.Contains(member.Email, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, (null, Outcome.NoMatch));
        }

        var reason = candidates.Any(member => !member.IsPending) ? BindingConflictReason.AlreadyBound
            : candidates.Count > 1 ? BindingConflictReason.SeveralEntries
            : (BindingConflictReason?)null;
        if (reason is { } conflict)
        {
            return (WithConflict(current, person, candidates, conflict), (null, conflict == BindingConflictReason.AlreadyBound ? Outcome.AlreadyBound : Outcome.SeveralEntries));
        }

        var pending = candidates[0];
        if (pending.TenantId is { } tenantId && !string.Equals(tenantId, person.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (null, (null, Outcome.OtherTenant));
        }

        var bound = pending with { AadObjectId = person.AadObjectId.ToLowerInvariant(), TenantId = person.TenantId.ToLowerInvariant() };
        var next = current with
        {
            Members = [.. current.Members.Select(member => member == pending ? bound : member)],
            Conflicts = [.. current.BindingConflicts.Where(conflict => !IsPerson(conflict, person))],
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = person.Name.Length > 0 ? person.Name : bound.Name,
        };
        return (next, (bound, Outcome.Bound));
    }

    // A conflict already noted for this person, for the same entries, is not written again on every contact.
    private RosterDocument? WithConflict(RosterDocument current, PersonIdentity person, List<Member> candidates, BindingConflictReason reason)
    {
        var emails = candidates.Select(member => member.Email).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var known = current.BindingConflicts.FirstOrDefault(conflict => IsPerson(conflict, person));
        if (known is not null && known.Reason == reason && known.Emails.SequenceEqual(emails, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var conflict = new BindingConflict(person.TenantId, person.AadObjectId, person.Name, emails, reason, clock.GetUtcNow());
        return current with { Conflicts = [.. current.BindingConflicts.Where(other => other != known), conflict] };
    }

    private static bool IsPerson(Member member, PersonIdentity person) =>
        string.Equals(member.AadObjectId, person.AadObjectId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(member.TenantId, person.TenantId, StringComparison.OrdinalIgnoreCase);

    private static bool IsPerson(BindingConflict conflict, PersonIdentity person) =>
        string.Equals(conflict.AadObjectId, person.AadObjectId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(conflict.TenantId, person.TenantId, StringComparison.OrdinalIgnoreCase);

    private enum Outcome
    {
        NoMatch,
        Bound,
        OtherTenant,
        SeveralEntries,
        AlreadyBound,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster entry registered by e-mail bound to {Member} at first contact, as {Role}")]
    private static partial void LogBound(ILogger logger, [PseudonymousId] string member, Role role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First contact of {Member} matches a roster entry of another tenant by e-mail: not bound, answered as a guest")]
    private static partial void LogOtherTenant(ILogger logger, [PseudonymousId] string member);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First contact of {Member} matches roster entries by e-mail but cannot be bound ({Outcome}): answered as a guest, conflict shown in the roster")]
    private static partial void LogConflict(ILogger logger, [PseudonymousId] string member, Outcome outcome);
}
