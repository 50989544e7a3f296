using System.Globalization;
using System.Text.RegularExpressions;

namespace BepBot.Infrastructure.Queues;

/// <summary>
/// The embedded default: one folder per queue, one file per message, so `dotnet run` needs no cloud account and
/// work survives a restart. A message's body never changes once written (write to a temporary file, then rename);
/// its state lives in its file name, <c>{id}.{visibleAtTicks}.{dequeueCount}.{nonce}.msg</c>, and every change of
/// state is one rename to a fresh name. A rename is atomic and fails once the old name is gone, so of two receivers
/// (threads or processes) racing for a message exactly one wins, and an old pop receipt (the name's tail) stops
/// working as soon as the message was received again, delayed or completed.
/// </summary>
public sealed partial class LocalFolderWorkQueue(string rootFolder, TimeProvider clock) : IWorkQueue
{
    private const string Extension = ".msg";

    private readonly string _root = Path.GetFullPath(rootFolder);

    public string RootFolder => _root;

    public async Task EnqueueAsync(string queueName, BinaryData body, TimeSpan? initialDelay = null, CancellationToken cancellationToken = default)
    {
        WorkQueueLimits.ValidateBody(body);
        if (initialDelay is { } delay)
        {
            WorkQueueLimits.ValidateDelay(delay, nameof(initialDelay));
        }

        await WriteAsync(FolderOf(WorkQueueLimits.NormalizeName(queueName)), body, initialDelay ?? TimeSpan.Zero, cancellationToken);
    }

    public async Task EnqueueManyAsync(string queueName, IEnumerable<BinaryData> bodies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var all = bodies.ToList();
        all.ForEach(WorkQueueLimits.ValidateBody);
        var folder = FolderOf(WorkQueueLimits.NormalizeName(queueName));
        foreach (var body in all)
        {
            await WriteAsync(folder, body, TimeSpan.Zero, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        WorkQueueLimits.ValidateReceive(maxMessages, visibilityTimeout);
        var name = WorkQueueLimits.NormalizeName(queueName);
        var folder = FolderOf(name);
        var now = clock.GetUtcNow().UtcTicks;
        var visible = Entries(folder)
            .Where(entry => entry.VisibleAt <= now)
            .OrderBy(entry => entry.VisibleAt)
            .ThenBy(entry => entry.Id, StringComparer.Ordinal)
            .ToList();

        var received = new List<QueuedMessage>(maxMessages);
        foreach (var entry in visible)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (received.Count == maxMessages)
            {
                break;
            }

            var receipt = Receipt(now + visibilityTimeout.Ticks, entry.DequeueCount + 1);
            var claimed = PathOf(folder, entry.Id, receipt);
            if (!TryRename(entry.Path, claimed))
            {
                continue;
            }

            try
            {
                var body = await File.ReadAllBytesAsync(claimed, cancellationToken);
                received.Add(new QueuedMessage(name, entry.Id, receipt, BinaryData.FromBytes(body), entry.DequeueCount + 1));
            }
            catch (FileNotFoundException)
            {
                // Only with a timeout shorter than this read: another receiver already took it back.
            }
        }

        return received;
    }

    public Task CompleteAsync(QueuedMessage message, CancellationToken cancellationToken = default) =>
        Faulting(() =>
        {
            var (folder, path, _) = Locate(message);
            var tombstone = $"{path}.{Guid.NewGuid():N}.deleted";
            if (!TryRename(path, tombstone))
            {
                throw new QueueMessageLostException(message.QueueName, message.MessageId);
            }

            File.Delete(tombstone);
            return folder;
        });

    public Task<QueuedMessage> DelayAsync(QueuedMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        Faulting(() =>
        {
            WorkQueueLimits.ValidateDelay(delay, nameof(delay));
            var (folder, path, dequeueCount) = Locate(message);
            var receipt = Receipt(clock.GetUtcNow().UtcTicks + delay.Ticks, dequeueCount);
            if (!TryRename(path, PathOf(folder, message.MessageId, receipt)))
            {
                throw new QueueMessageLostException(message.QueueName, message.MessageId);
            }

            return message with { PopReceipt = receipt };
        });

    public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken = default) =>
        Faulting(() => Entries(FolderOf(WorkQueueLimits.NormalizeName(queueName))).Count());

    private async Task WriteAsync(string folder, BinaryData body, TimeSpan delay, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var temporary = Path.Combine(folder, $".{id}.tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(body.ToMemory(), cancellationToken);
        }

        File.Move(temporary, PathOf(folder, id, Receipt(now.UtcTicks + delay.Ticks, 0)), overwrite: true);
    }

    private (string Folder, string Path, long DequeueCount) Locate(QueuedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = FolderOf(WorkQueueLimits.NormalizeName(message.QueueName));
        var match = ReceiptPattern().Match(message.PopReceipt ?? string.Empty);
        if (!IdPattern().IsMatch(message.MessageId ?? string.Empty) || !match.Success)
        {
            throw new ArgumentException("Not a message received from a local folder queue.", nameof(message));
        }

        return (folder, PathOf(folder, message.MessageId!, message.PopReceipt!), long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture));
    }

    private string FolderOf(string queueName)
    {
        var folder = Path.Combine(_root, queueName);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static IEnumerable<Entry> Entries(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            var match = FileNamePattern().Match(Path.GetFileName(path));
            if (match.Success)
            {
                yield return new Entry(
                    path,
                    match.Groups["id"].Value,
                    long.Parse(match.Groups["visible"].Value, CultureInfo.InvariantCulture),
                    long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture));
            }
        }
    }

    private static string Receipt(long visibleAtTicks, long dequeueCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{visibleAtTicks}.{dequeueCount}.{Guid.NewGuid():N}");

    private static string PathOf(string folder, string id, string receipt) => Path.Combine(folder, $"{id}.{receipt}{Extension}");

    // overwrite: true is a plain rename(2) on Unix; without it .NET may fall back to link + unlink, which is not one atomic step.
    // Destination names are always fresh, so nothing is ever overwritten.
    private static bool TryRename(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    // File renames and deletes have no async API; their faults still travel in the task, as the Azure queue's do.
    private static Task<T> Faulting<T>(Func<T> operation)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private sealed record Entry(string Path, string Id, long VisibleAt, long DequeueCount);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]{1,19}\.(?<count>[0-9]{1,19})\.[0-9a-f]{32}$")]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex(@"^(?<id>[0-9a-f]{32})\.(?<visible>[0-9]{1,19})\.(?<count>[0-9]{1,19})\.[0-9a-f]{32}\.msg$")]
    private static partial Regex FileNamePattern();
}
