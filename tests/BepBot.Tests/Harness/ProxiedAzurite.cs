namespace BepBot.Tests.Harness;

/// <summary>Azurite's blob, queue and table services, each behind a <see cref="StoreOutageProxy"/>: the whole store can be cut off at once.</summary>
public sealed class ProxiedAzurite : IAsyncDisposable
{
    private static readonly string[] Endpoints = ["BlobEndpoint", "QueueEndpoint", "TableEndpoint"];
    private readonly List<StoreOutageProxy> _proxies;

    private ProxiedAzurite(string connectionString)
    {
        _proxies = [.. Endpoints.Select(endpoint => StoreOutageProxy.Start(PortOf(connectionString, endpoint)))];
        ConnectionString = Endpoints.Zip(_proxies).Aggregate(connectionString, (proxied, pair) =>
            proxied.Replace($":{PortOf(connectionString, pair.First)}/", $":{pair.Second.Port}/", StringComparison.Ordinal));
    }

    /// <summary>The connection string that goes through the proxies.</summary>
    public string ConnectionString { get; }

    /// <summary>In front of the test run's Azurite, or of the one <paramref name="connectionString"/> names.</summary>
    public static ProxiedAzurite Start(string? connectionString = null) => new(connectionString ?? Azurite.ConnectionString);

    /// <summary>The proxies' own connections to Azurite: the longest one took to open, and how many took over a second.</summary>
    public (TimeSpan Longest, int OverASecond) ConnectsToAzurite =>
        (_proxies.Max(proxy => proxy.LongestConnect), _proxies.Sum(proxy => proxy.SlowConnects));

    /// <summary>Drops every connection to the three services and refuses new ones for <paramref name="duration"/>.</summary>
    public Task CutAsync(TimeSpan duration) => Task.WhenAll(_proxies.Select(proxy => proxy.CutAsync(duration)));

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
    }

    private static int PortOf(string connectionString, string endpoint) =>
        new Uri(connectionString.Split(';').Select(part => part.Split('=', 2)).First(pair => pair[0] == endpoint)[1]).Port;
}
