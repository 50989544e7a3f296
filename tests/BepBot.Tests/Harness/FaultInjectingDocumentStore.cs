using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Harness;

/// <summary>
/// The bot's real store with one fault armed at a time, on the next write (create, replace, upsert) of a key under a
/// prefix: an exception before or after the write reaches the store (a crash, a lost connection), or a write held
/// until the test lets it go (a process frozen, or one that died and whose turn never ends). It also counts the reads of
/// each document, and can make some slow.
/// </summary>
public sealed class FaultInjectingDocumentStore(IDocumentStore inner) : IDocumentStore
{
    private readonly Lock _lock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);
    private Fault? _armed;
    private (string KeyPrefix, TimeSpan Delay)? _slowReads;

    public enum Point
    {
        BeforeWrite,
        AfterWrite,
    }

    /// <summary>Puts this store in front of the one the bot registered; the test gets it from the bot's services.</summary>
    public static void Install(IServiceCollection services)
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(IDocumentStore));
        services.Remove(registered);
        services.AddSingleton(provider => new FaultInjectingDocumentStore((IDocumentStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
        services.AddSingleton<IDocumentStore>(provider => provider.GetRequiredService<FaultInjectingDocumentStore>());
    }

    /// <summary>The next write under <paramref name="keyPrefix"/> throws, <paramref name="point"/> the write.</summary>
    public void ThrowOnce(string keyPrefix, Point point) => Arm(new Fault(keyPrefix, point, null));

    /// <summary>The next write under <paramref name="keyPrefix"/> waits, before the write, until the returned hold is released.</summary>
    public Hold HoldOnce(string keyPrefix)
    {
        var hold = new Hold();
        Arm(new Fault(keyPrefix, Point.BeforeWrite, hold));
        return hold;
    }

    /// <summary>The store behind, for a test's own reads: neither counted nor faulted.</summary>
    public IDocumentStore Inner => inner;

    /// <summary>How many times the document at <paramref name="key"/> was read.</summary>
    public int ReadsOf(string key) => _reads.GetValueOrDefault(key);

    /// <summary>From now on every read under <paramref name="keyPrefix"/> takes <paramref name="delay"/> longer, as on a loaded store.</summary>
    public void SlowReads(string keyPrefix, TimeSpan delay) => _slowReads = (keyPrefix, delay);

    public async Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        _reads.AddOrUpdate(key, 1, (_, reads) => reads + 1);
        if (_slowReads is { } slow && key.StartsWith(slow.KeyPrefix, StringComparison.Ordinal))
        {
            await Task.Delay(slow.Delay, cancellationToken);
        }

        return await inner.GetAsync(key, cancellationToken);
    }

    public Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        WriteAsync(key, () => inner.CreateAsync(key, content, cancellationToken));

    public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) =>
        WriteAsync(key, () => inner.ReplaceAsync(key, content, etag, cancellationToken));

    public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        WriteAsync(key, () => inner.UpsertAsync(key, content, cancellationToken));

    public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, etag, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);

    private void Arm(Fault fault)
    {
        lock (_lock)
        {
            _armed = fault;
        }
    }

    private async Task<string> WriteAsync(string key, Func<Task<string>> write)
    {
        Fault? fault;
        lock (_lock)
        {
            fault = _armed is { } armed && key.StartsWith(armed.KeyPrefix, StringComparison.Ordinal) ? armed : null;
            _armed = fault is null ? _armed : null;
        }

        if (fault?.Hold is { } hold)
        {
            await hold.WaitAsync();
        }
        else if (fault?.Point == Point.BeforeWrite)
        {
            throw new InjectedFaultException(key, fault.Point);
        }

        var etag = await write();
        return fault is { Hold: null, Point: Point.AfterWrite } ? throw new InjectedFaultException(key, fault.Point) : etag;
    }

    private sealed record Fault(string KeyPrefix, Point Point, Hold? Hold);

    /// <summary>A write held before it reaches the store: <see cref="Reached"/> completes when it is, <see cref="Release"/> lets it go.</summary>
    public sealed class Hold
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        internal Task WaitAsync()
        {
            _reached.TrySetResult();
            return _released.Task;
        }
    }

    public sealed class InjectedFaultException(string key, Point point) : Exception($"Fault injected by the test {point} of '{key}'.");
}
