using System.Globalization;
using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Labs;

/// <summary>
/// Labs and their seats in the store. Why this layout (500 clicks in the same second for 30 seats):
/// <list type="number">
/// <item>A click first writes an arrival ticket, create-if-absent, under <c>lab-inbox/{lab}/</c>: no contention at all,
/// and once it is written the request can no longer be lost, whatever happens next.</item>
/// <item>Seats live in the lab document (<see cref="Lab"/>), changed only by ETag-guarded writes. A registrant folds in
/// EVERY ticket not yet in the ledger (one listing: the key carries time, person, commune and name), not just its own,
/// so when 500 race, each winning write takes in everyone who arrived before it and the losers find themselves already
/// placed on their next read: a few rounds, not 500 serial turns of a counter.</item>
/// <item>Arrival order is the ledger's order (<see cref="Registration.Ordinal"/>): the order in which the one
/// serialisation point took the requests in, by reception time within one write. Seats are then a deterministic
/// function of that order, capacity and quota (<see cref="Lab.Settle"/>), re-applied by every write, so a cancellation
/// racing a registration cannot leave a seat free while someone waits: whichever write lands second sees both.</item>
/// </list>
/// Retries are bounded; a ticket whose writer gave up is still taken in by the next write of anyone (or the reminder job).
/// </summary>
public sealed partial class LabBook(IDocumentStore store, TimeProvider clock, LabNotifier notifier, TakeInRounds rounds, ILogger<LabBook> logger)
{
    public const string Prefix = "labs/";
    public const string InboxPrefix = "lab-inbox/";
    public const int MaxAttempts = 40;

    // Short first waits: a loser usually finds itself taken in by the winner on its very next read.
    private static readonly ConflictRetry Retry =
        new(MaxAttempts, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(250, 5 << Math.Min(attempt, 6)))));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static bool IsValidId(string? id) => id is { Length: 12 } && id.All(char.IsAsciiHexDigitLower);

    public async Task<Document<Lab>?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        IsValidId(id) ? await store.GetAsync<Lab>(Prefix + id, cancellationToken) : null;

    public async Task<Lab?> FindAsync(string? id, CancellationToken cancellationToken = default) =>
        id is null ? null : (await GetAsync(id, cancellationToken))?.Value;

    public async Task<List<Lab>> ListAsync(CancellationToken cancellationToken = default)
    {
        var labs = await store.ListValuesAsync<Lab>(Prefix, cancellationToken);
        return [.. labs.OrderBy(lab => lab.Details.StartsAt)];
    }

    public async Task CreateAsync(Lab lab, CancellationToken cancellationToken = default)
    {
        await store.CreateAsync(Prefix + lab.Id, lab, cancellationToken);
        LogCreated(logger, lab.Id);
    }

    /// <summary>Writes the person's arrival ticket, then makes sure the ledger has taken it in. Returns the lab as placed.</summary>
    public async Task<Lab> RegisterAsync(string labId, string aadObjectId, string name, string commune, bool byStaff, CancellationToken cancellationToken = default)
    {
        var receivedAt = clock.GetUtcNow();
        var ticket = string.Join('/',
            receivedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
            byStaff ? "s" : "m",
            DocumentKey.Segment(aadObjectId.ToLowerInvariant()),
            DocumentKey.Segment(commune),
            DocumentKey.Segment(name));
        try
        {
            await store.CreateAsync(InboxPrefix + labId + "/" + ticket, new ArrivalTicket(ticket, receivedAt, aadObjectId.ToLowerInvariant(), commune, name, byStaff), cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // The same person twice in the same tick: one ticket is enough.
        }

        return await TakeInAsync(labId, ticket, cancellationToken);
    }

    /// <summary>
    /// Folds every waiting ticket into the ledger; with <paramref name="ticket"/>, until that one is in. Clicks that
    /// arrive together share one round (<see cref="TakeInRounds"/>); a round that did not see the ticket yet (an inbox
    /// listing lagging behind its write) is followed by another.
    /// </summary>
    public async Task<Lab> TakeInAsync(string labId, string? ticket = null, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(labId))
        {
            throw new LabChangeRejectedException("unknown lab");
        }

        for (var round = 1; ; round++)
        {
            var lab = await rounds.JoinAsync(labId, () => TakeInRoundAsync(labId), cancellationToken);
            if (ticket is null || round == MaxAttempts || lab.Registrations.Any(registration => registration.Ticket == ticket))
            {
                return lab;
            }
        }
    }

    // Not cancelled by any one caller: the round serves everyone who joined it.
    private async Task<Lab> TakeInRoundAsync(string labId)
    {
        var update = await store.UpdateAsync<Lab, Lab>(
            Prefix + labId,
            async (current, token) =>
            {
                if (current is null)
                {
                    throw new LabChangeRejectedException("unknown lab");
                }

                var known = current.Registrations.Select(registration => registration.Ticket).ToHashSet(StringComparer.Ordinal);
                var fresh = new List<ArrivalTicket>();
                await foreach (var key in store.ListKeysAsync(InboxPrefix + labId + "/", token))
                {
                    var parsed = await TicketAsync(key, InboxPrefix + labId + "/", token);
                    if (parsed is not null && !known.Contains(parsed.Key))
                    {
                        fresh.Add(parsed);
                    }
                }

                var next = fresh.Count == 0 ? null : current.Admit(fresh, clock.GetUtcNow());
                return (next, next ?? current);
            },
            Retry,
            CancellationToken.None);
        if (update is { Read: { } before, Written: { } after })
        {
            await notifier.PromotedAsync(after.Value, before.Value.PromotedIn(after.Value), CancellationToken.None);
        }

        return update.Outcome;
    }

    /// <summary>
    /// One ETag-guarded change of a lab, settled and with promoted people told. <paramref name="change"/> sees the
    /// latest lab, returns the new one (or the same instance to leave it alone), and throws
    /// <see cref="LabChangeRejectedException"/> when the change no longer fits.
    /// </summary>
    public async Task<LabChange?> ChangeAsync(string labId, Func<Lab, Lab> change, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(labId))
        {
            return null;
        }

        var update = await store.UpdateAsync<Lab, LabChange?>(
            Prefix + labId,
            current =>
            {
                if (current is null)
                {
                    return (null, null);
                }

                var changed = change(current);
                if (ReferenceEquals(changed, current))
                {
                    return (null, new LabChange(current, current));
                }

                var next = changed.Settle(clock.GetUtcNow());
                return (next, new LabChange(current, next));
            },
            Retry,
            cancellationToken);
        if (update is { Written: not null, Outcome: { } result })
        {
            await notifier.PromotedAsync(result.After, result.Promoted, cancellationToken);
        }

        return update.Outcome;
    }

    /// <summary>
    /// Deletes the arrival tickets the ledger has taken in. Once registration is over they only cost listings: every
    /// registration of the lab lists its inbox, and every erasure lists the inbox of every lab.
    /// </summary>
    public async Task<int> TidyInboxAsync(string labId, CancellationToken cancellationToken = default)
    {
        var lab = await TakeInAsync(labId, cancellationToken: cancellationToken);
        var inLedger = lab.Registrations.Select(registration => registration.Ticket).ToHashSet(StringComparer.Ordinal);
        var inbox = InboxPrefix + labId + "/";
        var tidied = 0;
        foreach (var key in await store.ListKeysAsync(inbox, cancellationToken).ToListAsync(cancellationToken))
        {
            if ((await TicketAsync(key, inbox, cancellationToken))?.Key is { } ticket && inLedger.Contains(ticket)
                && await store.DeleteAsync(key, cancellationToken: cancellationToken))
            {
                tidied++;
            }
        }

        return tidied;
    }

    /// <summary>Erases a person's registrations everywhere: their tickets first, so that no later write takes them in again.</summary>
    public async Task<int> EraseAsync(string aadObjectId, CancellationToken cancellationToken = default)
    {
        var erased = 0;
        var segment = "/" + DocumentKey.Segment(aadObjectId.ToLowerInvariant()) + "/";
        foreach (var lab in await ListAsync(cancellationToken))
        {
            await foreach (var key in store.ListKeysAsync(InboxPrefix + lab.Id + "/", cancellationToken))
            {
                if (key.Contains(segment, StringComparison.Ordinal))
                {
                    await store.DeleteAsync(key, cancellationToken: cancellationToken);
                }
            }

            var change = await ChangeAsync(
                lab.Id,
                current => current.Registrations.Any(registration => Is(registration, aadObjectId))
                    ? current with { Registrations = [.. current.Registrations.Where(registration => !Is(registration, aadObjectId))] }
                    : current,
                cancellationToken);
            erased += change is null ? 0 : change.Before.Registrations.Count(registration => Is(registration, aadObjectId) && registration.Status != SeatStatus.Dropped);
        }

        LogErased(logger, aadObjectId, erased);
        return erased;
    }

    private static bool Is(Registration registration, string aadObjectId) =>
        string.Equals(registration.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase);

    // A ticket with a segment too long for the store (a very long name) is listed under its shortened name, which
    // no longer carries the values: its document holds them.
    private async Task<ArrivalTicket?> TicketAsync(string key, string inbox, CancellationToken cancellationToken) =>
        key.Contains(DocumentKeyMapping.HashMark, StringComparison.Ordinal)
            ? (await store.GetAsync<ArrivalTicket>(key, cancellationToken))?.Value
            : Parse(key[inbox.Length..]);

    private static ArrivalTicket? Parse(string ticket)
    {
        var parts = ticket.Split('/');
        if (parts.Length != 5 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return null;
        }

        return new ArrivalTicket(
            ticket,
            new DateTimeOffset(ticks, TimeSpan.Zero),
            Uri.UnescapeDataString(parts[2]),
            Uri.UnescapeDataString(parts[3]),
            Uri.UnescapeDataString(parts[4]),
            parts[1] == "s");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId} created")]
    private static partial void LogCreated(ILogger logger, string labId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registrations of {User} erased on request ({Count})")]
    private static partial void LogErased(ILogger logger, [PseudonymousId] string user, int count);
}
