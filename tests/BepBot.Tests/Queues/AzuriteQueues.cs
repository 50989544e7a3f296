using System.Data.Common;
using System.Net.Sockets;

namespace BepBot.Tests.Queues;

/// <summary>
/// The queue service of the Azurite that ./test.sh starts (QueueEndpoint in BEPBOT_TEST_STORAGE). Checked once
/// with a plain TCP connect, because the Azure SDK would retry for ~25 s per call against a server that is not there.
/// </summary>
public static class AzuriteQueues
{
    private static readonly Lazy<string> ConnectionStringValue = new(Resolve);

    public static string ConnectionString => ConnectionStringValue.Value;

    private static string Resolve()
    {
        var connectionString = Environment.GetEnvironmentVariable("BEPBOT_TEST_STORAGE");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("BEPBOT_TEST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite (blob and queue).");
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!parts.TryGetValue("QueueEndpoint", out var endpoint) || endpoint is not string queueEndpoint)
        {
            throw new InvalidOperationException("BEPBOT_TEST_STORAGE has no QueueEndpoint: run the tests with ./test.sh, which starts azurite-queue.");
        }

        var uri = new Uri(queueEndpoint);
        using var client = new TcpClient();
        try
        {
            client.Connect(uri.Host, uri.Port);
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException($"Azurite's queue service is not reachable at {uri.Host}:{uri.Port}: run the tests with ./test.sh.", ex);
        }

        return connectionString;
    }
}
