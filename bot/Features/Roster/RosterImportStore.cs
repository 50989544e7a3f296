using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Roster;

/// <summary>The roster imports waiting for confirmation, one document each under roster/imports/{id}.</summary>
public sealed class RosterImportStore(IDocumentStore store)
{
    private const string Prefix = "roster/imports/";

    /// <summary>A fresh id: 32 hexadecimal digits, unguessable, so that a card's id cannot be forged into another import.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    public Task CreateAsync(RosterImport import, CancellationToken cancellationToken) =>
        store.CreateAsync(Prefix + import.Id, import, cancellationToken);

    public async Task<RosterImport?> FindAsync(string id, CancellationToken cancellationToken) =>
        IsWellFormed(id) ? (await store.GetAsync<RosterImport>(Prefix + id, cancellationToken))?.Value : null;

    /// <summary>
    /// Deletes the imports previewed before <paramref name="before"/>, whatever became of them: their rows copy a
    /// roster file, kept no longer than a preview can be confirmed. Returns how many were deleted.
    /// </summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var purged = 0;
        await foreach (var document in store.ListAsync<RosterImport>(Prefix, cancellationToken))
        {
            // Under its ETag: an import clicked at this very moment is left for the next purge.
            if (document.Value.PreviewedAt < before && await store.DeleteAsync(document.Key, document.ETag, cancellationToken))
            {
                purged++;
            }
        }

        return purged;
    }

    /// <summary>
    /// Moves the import from one of <paramref name="from"/> to <paramref name="to"/> under optimistic concurrency;
    /// returns the import as it was before (its status says whether the move happened), or null when it does not exist.
    /// </summary>
    public async Task<RosterImport?> MoveAsync(string id, IReadOnlySet<RosterImportStatus> from, RosterImportStatus to, CancellationToken cancellationToken)
    {
        var update = await store.UpdateAsync<RosterImport, RosterImport?>(
            Prefix + id,
            current => current is null || !from.Contains(current.Status)
                ? (null, current)
                : (current with { Status = to, Rows = to is RosterImportStatus.Confirming ? current.Rows : [] }, current),
            cancellationToken: cancellationToken);
        return update.Outcome;
    }
}
