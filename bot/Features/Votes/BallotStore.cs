using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Votes;

/// <summary>
/// The documents of the votes: ballots/{id}, one vote per commune (votes/{id}/votes/{commune}) for an open
/// ballot; for a secret one, the participation (votes/{id}/participation/{commune}), whose choice stays sealed until
/// the close counts it and erases it.
/// </summary>
public sealed class BallotStore(IDocumentStore store)
{
    private const string Prefix = "votes/";

    // Ballots apart from their votes, so that listing the ballots does not walk every vote and audit entry.
    private const string BallotsPrefix = "ballots/";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public Task CreateAsync(Ballot ballot, CancellationToken cancellationToken = default) =>
        store.CreateAsync(BallotKey(ballot.Id), ballot, cancellationToken);

    public async Task<Ballot?> GetAsync(string? id, CancellationToken cancellationToken = default) =>
        IsId(id) ? (await store.GetAsync<Ballot>(BallotKey(id!), cancellationToken))?.Value : null;

    /// <summary>Under If-Match; <paramref name="change"/> returns null to leave it as it is.</summary>
    public Task<Ballot?> ChangeAsync(string id, Func<Ballot, Ballot?> change, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(BallotKey(id), change, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Ballot>> ListAsync(CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<Ballot>(BallotsPrefix, cancellationToken);

    public Task<Document<CommuneVote>?> GetVoteAsync(string ballotId, string commune, CancellationToken cancellationToken = default) =>
        store.GetAsync<CommuneVote>(VoteKey(ballotId, commune), cancellationToken);

    /// <summary>
    /// The commune's vote under If-Match (created when absent), decided first on <paramref name="read"/> and, after a
    /// conflict (the same person on a second device, a holder), on a fresh read.
    /// </summary>
    public Task<DocumentUpdate<CommuneVote, TOutcome>> UpdateVoteAsync<TOutcome>(
        string ballotId, string commune, Document<CommuneVote>? read, Func<CommuneVote?, (CommuneVote? Next, TOutcome Outcome)> decide, CancellationToken cancellationToken = default) =>
        store.UpdateFromAsync(VoteKey(ballotId, commune), read, decide, ConflictRetry.AtOnce, cancellationToken);

    public Task<IReadOnlyList<CommuneVote>> ListVotesAsync(string ballotId, CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<CommuneVote>(Root(ballotId) + "votes/", cancellationToken);

    public Task<string> CreateParticipationAsync(string ballotId, Participation participation, CancellationToken cancellationToken = default) =>
        store.CreateAsync(ParticipationKey(ballotId, participation.Commune), participation, cancellationToken);

    public async Task<Participation?> GetParticipationAsync(string ballotId, string commune, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<Participation>(ParticipationKey(ballotId, commune), cancellationToken))?.Value;

    public Task<IReadOnlyList<Participation>> ListParticipationAsync(string ballotId, CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<Participation>(Root(ballotId) + "participation/", cancellationToken);

    /// <summary>
    /// Rewrites every participation of a counted secret ballot without its sealed choice; returns how many it erased.
    /// All are rewritten, so their write times no longer tell when each commune voted either.
    /// </summary>
    public async Task<int> EraseSealedChoicesAsync(string ballotId, CancellationToken cancellationToken = default)
    {
        var erased = 0;
        var participations = await store.ListAsync<Participation>(Root(ballotId) + "participation/", cancellationToken).ToListAsync(cancellationToken);
        foreach (var participation in participations.Where(item => item.Value.SealedChoice is not null))
        {
            await store.ChangeAsync<Participation>(participation.Key, current => current.SealedChoice is null ? null : current with { SealedChoice = null }, cancellationToken: cancellationToken);
            erased++;
        }

        return erased;
    }

    /// <summary>Who has voted: communes, for an open or a secret ballot alike.</summary>
    /// <summary>The communes of the ballot that voted, from the names of their votes (or participations) alone: one listing, no read.</summary>
    public async Task<IReadOnlySet<string>> VotedCommunesAsync(Ballot ballot, CancellationToken cancellationToken = default)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in store.ListKeysAsync(Root(ballot.Id) + (ballot.Secret ? "participation/" : "votes/"), cancellationToken))
        {
            keys.Add(key);
        }

        return ballot.Communes.Where(commune => keys.Contains(ballot.Secret ? ParticipationKey(ballot.Id, commune) : VoteKey(ballot.Id, commune))).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> HasVotedAsync(Ballot ballot, string commune, CancellationToken cancellationToken = default) =>
        ballot.Secret
            ? await store.GetAsync(ParticipationKey(ballot.Id, commune), cancellationToken) is not null
            : await store.GetAsync(VoteKey(ballot.Id, commune), cancellationToken) is not null;


    public static bool IsId(string? id) => id is { Length: 12 } && id.All(char.IsAsciiHexDigitLower);

    private static string Root(string ballotId) => Prefix + DocumentKey.Segment(ballotId) + "/";

    private static string BallotKey(string id) => BallotsPrefix + DocumentKey.Segment(id);

    private static string VoteKey(string ballotId, string commune) => Root(ballotId) + "votes/" + DocumentKey.Segment(commune);

    private static string ParticipationKey(string ballotId, string commune) => Root(ballotId) + "participation/" + DocumentKey.Segment(commune);
}
