using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Text;

namespace BepBot.Features.Observatoire;

/// <summary>
/// Data sets in the document store: a head per data set (observatoire/heads/{id}) listing its versions, and one
/// immutable document per version (observatoire/versions/{id}/{000001}). A re-import adds a version and makes it
/// current; earlier versions stay, listable and readable.
/// </summary>
public sealed class DataSetStore(IDocumentStore store, TimeProvider clock)
{
    private const string HeadsPrefix = "observatoire/heads/";
    private static readonly ConflictRetry VersionRetry = ConflictRetry.Immediate(20);

    // Versions never change once written, so a version read once is good for the life of the process.
    private readonly ConcurrentDictionary<string, DataSetVersion> _versions = new(StringComparer.Ordinal);
    private (string Signature, ObservatoireData Data)? _merged;

    public static string IdOf(string name)
    {
        var slug = new StringBuilder();
        foreach (var character in TextFolding.Fold(Path.GetFileNameWithoutExtension(name)))
        {
            slug.Append(char.IsAsciiLetterOrDigit(character) ? character : '-');
        }

        var id = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return id.Length == 0 ? "jeu-de-donnees" : id[..Math.Min(id.Length, 80)];
    }

    public static string NameOf(string fileName) => Path.GetFileNameWithoutExtension(fileName.Trim()) is { Length: > 0 } name ? name : fileName;

    public async Task<DataSetVersion> ImportAsync(
        string name, IReadOnlyList<Observation> observations, string importedBy, string origin, bool isDemo, string? contentHash, CancellationToken cancellationToken)
    {
        var id = IdOf(name);
        var head = (await store.GetAsync<DataSetHead>(HeadKey(id), cancellationToken))?.Value;
        var latest = head?.Versions.Max(version => version.Version) ?? 0;

        // Another import of the same data set may take a number first: each attempt takes the next one.
        var version = await VersionRetry.RunAsync(
            async attempt =>
            {
                var candidate = new DataSetVersion(id, latest + attempt, head?.Name ?? name, clock.GetUtcNow(), importedBy, origin, isDemo, observations);
                await store.CreateAsync(VersionKey(id, candidate.Version), candidate, cancellationToken);
                return candidate;
            },
            cancellationToken);
        var number = version.Version;

        var info = new DataSetVersionInfo(
            number,
            version.ImportedAt,
            importedBy,
            origin,
            observations.Count,
            [.. observations.Select(observation => observation.Indicator).Distinct(StringComparer.Ordinal)],
            [.. observations.Select(observation => observation.Source).Distinct(StringComparer.Ordinal)],
            contentHash);
        await store.UpdateAsync<DataSetHead>(HeadKey(id), current => current is null
            ? new DataSetHead(id, version.Name, isDemo, number, [info])
            : current with
            {
                IsDemo = isDemo,
                CurrentVersion = Math.Max(current.CurrentVersion, number),
                Versions = [.. current.Versions.Where(existing => existing.Version != number), info],
            }, cancellationToken: cancellationToken);
        _versions[VersionKey(id, number)] = version;
        return version;
    }

    public async Task<IReadOnlyList<DataSetHead>> ListAsync(CancellationToken cancellationToken)
    {
        var heads = new List<DataSetHead>();
        await foreach (var head in store.ListAsync<DataSetHead>(HeadsPrefix, cancellationToken))
        {
            heads.Add(head.Value);
        }

        return [.. heads.OrderBy(head => head.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))];
    }

    public async Task<DataSetHead?> GetHeadAsync(string id, CancellationToken cancellationToken) =>
        (await store.GetAsync<DataSetHead>(HeadKey(id), cancellationToken))?.Value;

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ListKeysAsync(HeadsPrefix, cancellationToken))
        {
            return true;
        }

        return false;
    }

    public async Task<DataSetVersion?> GetVersionAsync(string id, int number, CancellationToken cancellationToken)
    {
        var key = VersionKey(id, number);
        if (_versions.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var version = (await store.GetAsync<DataSetVersion>(key, cancellationToken))?.Value;
        if (version is not null)
        {
            _versions[key] = version;
        }

        return version;
    }

    /// <summary>The current version of every data set, merged; rebuilt only when a head moved to another version.</summary>
    public async Task<ObservatoireData> LoadAsync(CancellationToken cancellationToken)
    {
        var heads = await ListAsync(cancellationToken);
        var signature = string.Join('|', heads.Select(head => $"{head.Id}:{head.CurrentVersion}"));
        if (_merged is { } merged && merged.Signature == signature)
        {
            return merged.Data;
        }

        var versions = new List<DataSetVersion>();
        foreach (var head in heads)
        {
            if (await GetVersionAsync(head.Id, head.CurrentVersion, cancellationToken) is { } version)
            {
                versions.Add(version);
            }
        }

        var data = new ObservatoireData(versions);
        _merged = (signature, data);
        return data;
    }

    private static string HeadKey(string id) => HeadsPrefix + DocumentKey.Segment(id);

    private static string VersionKey(string id, int number) =>
        $"observatoire/versions/{DocumentKey.Segment(id)}/{number.ToString("D6", CultureInfo.InvariantCulture)}";
}
