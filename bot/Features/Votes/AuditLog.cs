using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Votes;

/// <summary>
/// The append-only, hash-chained journal of a ballot. Events are first written contention-free to a journal
/// (one document each, so 40 simultaneous votes never wait on each other), then sealed into the numbered chain by one
/// sealer at a time (a lease in the store): in the background after each event, and synchronously before the close,
/// an export or a verification, so nothing leaves the journal unsealed.
/// </summary>
public sealed partial class AuditLog(IDocumentStore store, TimeProvider clock, ILogger<AuditLog> logger)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    private const int MaxBatch = 100;

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    // The events this instance journaled and has not sealed yet: sealing them needs no read of the journal.
    private readonly ConcurrentDictionary<string, AuditEvent> _journaledHere = new(StringComparer.Ordinal);
    private long _recorded;
    private readonly string _owner = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    public ChannelReader<string> PendingBallots => _pending.Reader;

    public async Task RecordAsync(string ballotId, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        // Events of one turn share their time: the counter keeps them in the order they were recorded here.
        var journalId = $"{auditEvent.At.UtcTicks:D19}-{Interlocked.Increment(ref _recorded):D12}-{Guid.NewGuid():N}";
        await store.CreateAsync(JournalPrefix(ballotId) + journalId, auditEvent, cancellationToken);
        _journaledHere[JournalPrefix(ballotId) + journalId] = auditEvent;
        _pending.Writer.TryWrite(ballotId);
    }

    /// <summary>Moves the journal into the chain. With <paramref name="wait"/>, waits for another sealer to finish first.</summary>
    public async Task SealAsync(string ballotId, bool wait, CancellationToken cancellationToken = default)
    {
        for (var round = 1; ; round++)
        {
            var lease = await AcquireAsync(ballotId, cancellationToken);
            for (var attempt = 0; lease is null && wait && attempt < 600; attempt++)
            {
                await Task.Delay(100, cancellationToken);
                lease = await AcquireAsync(ballotId, cancellationToken);
            }

            if (lease is null)
            {
                if (wait)
                {
                    throw new TimeoutException($"The audit log of ballot {ballotId} stayed locked.");
                }

                return;
            }

            if (await SealWhileHoldingAsync(ballotId, lease, cancellationToken) || !wait || round == 3)
            {
                return;
            }

            // Our lease ran out under load and another sealer took it over: it seals the rest; wait for it to finish.
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync(string ballotId, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        await foreach (var document in store.ListAsync<AuditEntry>(ChainPrefix(ballotId), cancellationToken))
        {
            entries.Add(document.Value);
        }

        return [.. entries.OrderBy(entry => entry.Sequence)];
    }

    public async Task<AuditHead?> HeadAsync(string ballotId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<AuditHead>(HeadKey(ballotId), cancellationToken))?.Value;

    /// <summary>Recomputes the chain from the stored entries and reports the first entry that does not fit.</summary>
    public async Task<AuditVerification> VerifyAsync(string ballotId, CancellationToken cancellationToken = default)
    {
        // A page shows the check at each refresh: seal only when there is something to seal (the lease costs writes).
        if (await HasJournalAsync(ballotId, cancellationToken))
        {
            await SealAsync(ballotId, wait: true, cancellationToken);
        }

        var chain = new List<RawDocument>();
        await foreach (var document in store.ListDocumentsAsync(ChainPrefix(ballotId), cancellationToken))
        {
            chain.Add(document);
        }

        chain.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        var previous = GenesisHash;
        var expected = 1;
        foreach (var document in chain)
        {
            var entry = ReadEntry(document);
            if (entry is null || entry.Sequence != expected || document.Key != ChainKey(ballotId, expected))
            {
                return new AuditVerification(chain.Count, expected, entry is null ? "unreadable" : "sequence", previous);
            }

            if (entry.PreviousHash != previous)
            {
                // The entry before this one no longer hashes to what this one recorded: that one was changed.
                return new AuditVerification(chain.Count, expected - 1, "hash", previous);
            }

            previous = Hash(entry);
            expected++;
        }

        var head = await HeadAsync(ballotId, cancellationToken);
        if (head is not null && (head.Sequence != chain.Count || head.Hash != previous))
        {
            return new AuditVerification(chain.Count, Math.Min(head.Sequence, chain.Count), "head", previous);
        }

        return new AuditVerification(chain.Count, null, null, previous);
    }

    private async Task<bool> HasJournalAsync(string ballotId, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ListKeysAsync(JournalPrefix(ballotId), cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>The entry a chain document holds; null for one that cannot be read as an entry (changed by hand, say).</summary>
    private static AuditEntry? ReadEntry(RawDocument document)
    {
        try
        {
            return document.Content.ToObjectFromJson<AuditEntry>(DocumentStoreJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of the entry's canonical JSON (compact, camelCase, fixed member order).</summary>
    public static string Hash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(entry, Canonical)));

    public static string ChainKey(string ballotId, int sequence) => ChainPrefix(ballotId) + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Seals batch after batch, renewing the lease between them; false when the lease was lost to another sealer (its
    /// chain entry came first: each sequence number is written once, so the chain cannot fork).
    /// </summary>
    private async Task<bool> SealWhileHoldingAsync(string ballotId, Document<AuditLease> lease, CancellationToken cancellationToken)
    {
        try
        {
            // Loop: events recorded while we sealed would otherwise wait for the next one.
            while (await SealBatchAsync(ballotId, cancellationToken) > 0)
            {
                lease = await RenewAsync(ballotId, lease, cancellationToken);
            }

            return true;
        }
        catch (DocumentConflictException)
        {
            LogLeaseLost(logger, ballotId);
            return false;
        }
        finally
        {
            try
            {
                await store.DeleteAsync(LeaseKey(ballotId), lease.ETag, CancellationToken.None);
            }
            catch (DocumentConflictException)
            {
                // Taken over: the lease is the other sealer's now.
            }
        }
    }

    private async Task<int> SealBatchAsync(string ballotId, CancellationToken cancellationToken)
    {
        var journal = new List<string>();
        await foreach (var key in store.ListKeysAsync(JournalPrefix(ballotId), cancellationToken))
        {
            journal.Add(key);
        }

        if (journal.Count == 0)
        {
            return 0;
        }

        journal.Sort(StringComparer.Ordinal);
        // The lease is renewed between batches: a batch must stay far shorter than the lease, even on a loaded store.
        if (journal.Count > MaxBatch)
        {
            journal.RemoveRange(MaxBatch, journal.Count - MaxBatch);
        }

        var head = await HeadAsync(ballotId, cancellationToken) ?? new AuditHead(0, GenesisHash);

        // A sealer that stopped after writing entries but before moving the head: catch up, and remember which
        // journal documents those entries already sealed so that none is sealed twice.
        var sealedJournal = new HashSet<string>(StringComparer.Ordinal);
        while (await store.GetAsync<AuditEntry>(ChainKey(ballotId, head.Sequence + 1), cancellationToken) is { } orphan)
        {
            sealedJournal.Add(orphan.Value.JournalId);
            head = new AuditHead(head.Sequence + 1, Hash(orphan.Value));
        }

        var sealedNow = 0;
        foreach (var key in journal)
        {
            var journalId = key[JournalPrefix(ballotId).Length..];
            if (!sealedJournal.Contains(journalId) && await JournaledEventAsync(key, cancellationToken) is { } e)
            {
                var entry = new AuditEntry(head.Sequence + 1, e.Kind, e.At, e.Actor, e.Commune, e.Detail, journalId, head.Hash);
                await store.CreateAsync(ChainKey(ballotId, entry.Sequence), entry, cancellationToken);
                head = new AuditHead(entry.Sequence, Hash(entry));
                sealedNow++;
            }

            await store.DeleteAsync(key, cancellationToken: cancellationToken);
            _journaledHere.TryRemove(key, out _);
        }

        // Events of this ballot journaled here but sealed (and deleted) by another instance; not those journaled
        // since the listing (their keys come later: they start with the time).
        var listed = journal.ToHashSet(StringComparer.Ordinal);
        foreach (var key in _journaledHere.Keys.Where(key => key.StartsWith(JournalPrefix(ballotId), StringComparison.Ordinal)
            && !listed.Contains(key) && string.CompareOrdinal(key, journal[^1]) < 0))
        {
            _journaledHere.TryRemove(key, out _);
        }

        await store.UpsertAsync(HeadKey(ballotId), head, cancellationToken);
        LogSealed(logger, ballotId, sealedNow, head.Sequence);
        return journal.Count;
    }

    private async Task<AuditEvent?> JournaledEventAsync(string key, CancellationToken cancellationToken) =>
        _journaledHere.TryGetValue(key, out var known) ? known : (await store.GetAsync<AuditEvent>(key, cancellationToken))?.Value;

    private async Task<Document<AuditLease>?> AcquireAsync(string ballotId, CancellationToken cancellationToken)
    {
        var lease = new AuditLease(_owner, clock.GetUtcNow() + LeaseLength);
        try
        {
            var etag = await store.CreateAsync(LeaseKey(ballotId), lease, cancellationToken);
            return new Document<AuditLease>(LeaseKey(ballotId), lease, etag);
        }
        catch (DocumentConflictException)
        {
            var current = await store.GetAsync<AuditLease>(LeaseKey(ballotId), cancellationToken);
            if (current is null || current.Value.Until > clock.GetUtcNow())
            {
                return null;
            }

            try
            {
                // The holder died: take over its lease.
                var etag = await store.ReplaceAsync(LeaseKey(ballotId), lease, current.ETag, cancellationToken);
                return new Document<AuditLease>(LeaseKey(ballotId), lease, etag);
            }
            catch (DocumentConflictException)
            {
                return null;
            }
        }
    }

    private async Task<Document<AuditLease>> RenewAsync(string ballotId, Document<AuditLease> lease, CancellationToken cancellationToken)
    {
        var renewed = lease.Value with { Until = clock.GetUtcNow() + LeaseLength };
        var etag = await store.ReplaceAsync(LeaseKey(ballotId), renewed, lease.ETag, cancellationToken);
        return new Document<AuditLease>(lease.Key, renewed, etag);
    }

    private static string Root(string ballotId) => "votes/" + DocumentKey.Segment(ballotId) + "/";

    private static string JournalPrefix(string ballotId) => Root(ballotId) + "journal/";

    private static string ChainPrefix(string ballotId) => Root(ballotId) + "audit/";

    private static string HeadKey(string ballotId) => Root(ballotId) + "audit-head";

    private static string LeaseKey(string ballotId) => Root(ballotId) + "audit-lease";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log of ballot {BallotId}: the sealing lease ran out and another sealer went on with the chain")]
    private static partial void LogLeaseLost(ILogger logger, string ballotId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit log of ballot {BallotId}: {Count} event(s) sealed, chain at {Sequence}")]
    private static partial void LogSealed(ILogger logger, string ballotId, int count, int sequence);
}
