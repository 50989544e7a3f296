using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The embedded default: one JSON file per key under a folder, so `dotnet run` needs no cloud account.
/// Writes go to a temporary file that is then renamed over the target, so a crash never leaves a
/// half-written document; a temporary file (a name that starts with '.' and ends with .tmp) is never listed or read
/// as a document, and <see cref="TemporaryFileSweeper"/> deletes those an interrupted write left. The ETag is a hash of
/// the content. Concurrency control covers every store on the same folder in this process; several bot instances need
/// the Blob store. A long key segment gets a shortened file name (<see cref="DocumentKeyMapping"/>); a failure of the
/// file system is <see cref="StoreUnavailableException"/>, a path the system cannot take <see cref="InvalidDocumentKeyException"/>.
/// </summary>
public sealed class LocalFolderDocumentStore : IDocumentStore
{
    private const string Extension = ".json";
    private const string TemporarySuffix = ".tmp";
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> KeyLocks = new(StringComparer.Ordinal);

    // A file name holds 255 bytes, and a write's temporary file wraps the segment in 43 more characters:
    // "." + segment + ".json." + 32 hex + ".tmp". Keys of up to 1,024 characters keep the whole path well under Linux's 4,096.
    private static readonly DocumentKeyMapping Names = new(maxSegmentLength: 255 - 43, maxNameLength: 1024);

    private readonly string _root;

    public LocalFolderDocumentStore(string rootFolder)
    {
        _root = Path.GetFullPath(rootFolder);
        Directory.CreateDirectory(_root);
    }

    public string RootFolder => _root;

    public async Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return new RawDocument(key, BinaryData.FromBytes(bytes), ETagOf(bytes));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (IsFileSystemFailure(ex))
        {
            throw Translated(key, ex);
        }
    }

    public Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        WriteLockedAsync(key, content, current =>
        {
            if (current is not null)
            {
                throw new DocumentConflictException(key, ConflictReason.AlreadyExists);
            }
        }, cancellationToken);

    public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) =>
        WriteLockedAsync(key, content, current =>
        {
            if (current is null)
            {
                throw new DocumentConflictException(key, ConflictReason.Missing);
            }

            if (!string.Equals(ETagOf(current), etag, StringComparison.Ordinal))
            {
                throw new DocumentConflictException(key, ConflictReason.ETagMismatch);
            }
        }, cancellationToken);

    public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        WriteLockedAsync(key, content, _ => { }, cancellationToken);

    public async Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        var keyLock = LockFor(path);
        await keyLock.WaitAsync(cancellationToken);
        try
        {
            var current = ReadIfExists(path);
            if (current is null)
            {
                return false;
            }

            if (etag is not null && !string.Equals(ETagOf(current), etag, StringComparison.Ordinal))
            {
                throw new DocumentConflictException(key, ConflictReason.ETagMismatch);
            }

            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (IsFileSystemFailure(ex))
        {
            throw Translated(key, ex);
        }
        finally
        {
            keyLock.Release();
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var namePrefix = Names.PrefixOf(prefix);
        List<string> keys;
        try
        {
            var files = Directory.Exists(_root)
                ? Directory.EnumerateFiles(_root, "*" + Extension, SearchOption.AllDirectories)
                : [];
            keys = files
                .Select(file => Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Select(relative => relative[..^Extension.Length])
                .Where(key => key.StartsWith(namePrefix, StringComparison.Ordinal) && !key.Split('/')[^1].StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (IsFileSystemFailure(ex))
        {
            throw Translated(prefix, ex);
        }

        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask;
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => Task.FromResult(Directory.Exists(_root));

    /// <summary>The temporary files under the folder now: of the documents' writes, and of the local work queue's, which lives inside it.</summary>
    public IReadOnlyList<FileInfo> TemporaryFiles() =>
        Directory.Exists(_root)
            ? [.. new DirectoryInfo(_root).EnumerateFiles(".*" + TemporarySuffix, SearchOption.AllDirectories)]
            : [];

    private async Task<string> WriteLockedAsync(string key, BinaryData content, Action<byte[]?> checkPrecondition, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var keyLock = LockFor(path);
        await keyLock.WaitAsync(cancellationToken);
        try
        {
            checkPrecondition(ReadIfExists(path));
            var bytes = content.ToArray();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}");
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await stream.WriteAsync(bytes, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
            return ETagOf(bytes);
        }
        catch (Exception ex) when (IsFileSystemFailure(ex))
        {
            throw Translated(key, ex);
        }
        finally
        {
            keyLock.Release();
        }
    }

    private string PathOf(string key) => Path.Combine(_root, Names.NameOf(key).Replace('/', Path.DirectorySeparatorChar) + Extension);

    private static bool IsFileSystemFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    private Exception Translated(string key, Exception exception) => exception is PathTooLongException
        ? new InvalidDocumentKeyException(key, $"its path under {_root} is longer than the file system allows", exception)
        : new StoreUnavailableException($"The store folder {_root} could not be read or written.", exception);

    private static byte[]? ReadIfExists(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static SemaphoreSlim LockFor(string path) => KeyLocks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));

    private static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";
}
