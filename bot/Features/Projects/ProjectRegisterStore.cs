using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

/// <summary>
/// The register document and its in-memory index. Writes through this instance refresh the index at once; another
/// instance's writes are picked up after <see cref="ProjectsOptions.CacheDuration"/> (the index is rebuilt only
/// when the document's ETag changed).
/// </summary>
public sealed class ProjectRegisterStore(IDocumentStore store, TimeProvider clock, IOptions<ProjectsOptions> options) : IDisposable
{
    public const string Key = "projects/register";
    public const string HistoryPrefix = "projects/history/";

    private static readonly ProjectRegister Empty = new([], DateTimeOffset.MinValue, "nobody");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProjectSnapshot? _snapshot;
    private DateTimeOffset _checkedAt;

    public static string HistoryKey(string projectId, int version) =>
        $"{HistoryPrefix}{DocumentKey.Segment(projectId)}/{version:D6}";

    public async Task<ProjectSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - _checkedAt < options.Value.CacheDuration)
        {
            return snapshot;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is not null && clock.GetUtcNow() - _checkedAt < options.Value.CacheDuration)
            {
                return _snapshot;
            }

            var document = await store.GetAsync<ProjectRegister>(Key, cancellationToken);
            if (_snapshot is null || document?.ETag != _snapshot.ETag)
            {
                Publish(document?.Value ?? Empty, document?.ETag);
            }

            _checkedAt = clock.GetUtcNow();
            return _snapshot!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<Document<ProjectRegister>?> ReadAsync(CancellationToken cancellationToken = default) =>
        store.GetAsync<ProjectRegister>(Key, cancellationToken);

    /// <summary>
    /// Swaps the whole register in one write, only if it is still the version read as <paramref name="etag"/>
    /// (null: only if there is none yet). Throws <see cref="DocumentConflictException"/> otherwise.
    /// </summary>
    public async Task SwapAsync(ProjectRegister next, string? etag, CancellationToken cancellationToken = default)
    {
        var written = etag is null
            ? await store.CreateAsync(Key, next, cancellationToken)
            : await store.ReplaceAsync(Key, next, etag, cancellationToken);
        Publish(next, written);
    }

    /// <summary>
    /// Merges into the register under optimistic concurrency, first into <paramref name="read"/> (null: there is none
    /// yet), then, after a conflict, into a fresh read. Throws <see cref="DocumentConflictException"/> when writers keep
    /// getting there first.
    /// </summary>
    public async Task<TOutcome> MergeAsync<TOutcome>(
        Document<ProjectRegister>? read, Func<ProjectRegister?, (ProjectRegister Next, TOutcome Outcome)> merge, CancellationToken cancellationToken = default)
    {
        var update = await store.UpdateFromAsync<ProjectRegister, TOutcome>(Key, read, current => merge(current), ConflictRetry.AtOnce, cancellationToken);
        Publish(update.Written!.Value, update.Written.ETag);
        return update.Outcome;
    }

    /// <summary>
    /// Applies a staff edit to one project under optimistic concurrency, if the project is still at
    /// <paramref name="expectedVersion"/>, and keeps the replaced state as a history document.
    /// </summary>
    public async Task<ProjectUpdateResult> UpdateProjectAsync(
        string projectId, int expectedVersion, Func<Project, Project> change, string updatedBy, CancellationToken cancellationToken = default)
    {
        var update = await store.UpdateAsync<ProjectRegister, ProjectUpdateResult>(
            Key,
            current =>
            {
                var previous = current?.Find(projectId);
                if (current is null || previous is null)
                {
                    return (null, new ProjectUpdateResult(ProjectUpdateOutcome.NotFound, null));
                }

                if (previous.Version != expectedVersion)
                {
                    return (null, new ProjectUpdateResult(ProjectUpdateOutcome.Stale, previous));
                }

                var now = clock.GetUtcNow();
                var updated = change(previous) with { Version = previous.Version + 1, UpdatedAt = now, UpdatedBy = updatedBy, Source = "BepBot" };
                var next = current with
                {
                    Projects = [.. current.Projects.Select(project => project.Id == projectId ? updated : project)],
                    UpdatedAt = now,
                    UpdatedBy = updatedBy,
                };
                return (next, new ProjectUpdateResult(ProjectUpdateOutcome.Updated, updated));
            },
            ConflictRetry.AtOnce,
            cancellationToken);
        if (update is { Read: { } before, Written: { } written })
        {
            Publish(written.Value, written.ETag);
            var previous = before.Value.Find(projectId)!;

            // Keyed by the replaced version: a crash-and-retry writes the same document again, never a second one.
            await store.UpsertAsync(HistoryKey(projectId, previous.Version), new ProjectHistoryEntry(previous, written.Value.UpdatedAt, updatedBy), cancellationToken);
        }

        return update.Outcome;
    }

    public async Task<IReadOnlyList<ProjectHistoryEntry>> HistoryAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var entries = new List<ProjectHistoryEntry>();
        await foreach (var document in store.ListAsync<ProjectHistoryEntry>($"{HistoryPrefix}{DocumentKey.Segment(projectId)}/", cancellationToken))
        {
            entries.Add(document.Value);
        }

        return [.. entries.OrderByDescending(entry => entry.Previous.Version)];
    }

    private void Publish(ProjectRegister register, string? etag)
    {
        // The previous index is left to the garbage collector: a concurrent turn may still be searching it.
        _snapshot = new ProjectSnapshot(register, new ProjectIndex(register.Projects), etag);
        _checkedAt = clock.GetUtcNow();
    }

    public void Dispose() => _gate.Dispose();
}
