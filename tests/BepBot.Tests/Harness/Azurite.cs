using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace BepBot.Tests.Harness;

/// <summary>
/// The Azurite the test command started (BEPBOT_TEST_STORAGE). Checked once with a plain TCP connect, because
/// the Azure SDK would retry for ~25 s per call against a server that is not there.
/// </summary>
public static class Azurite
{
    private static readonly Lazy<string> ConnectionStringValue = new(Resolve);

    public static string ConnectionString => ConnectionStringValue.Value;

    /// <summary>A fresh, uniquely named container, so tests never see each other's documents.</summary>
    public static BlobContainerClient NewContainer(string purpose) =>
        new(ConnectionString, $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)].ToLowerInvariant());

    /// <summary>The connection string with one service (e.g. "TableEndpoint") pointed where nothing listens.</summary>
    public static string ConnectionStringWithout(string endpoint) =>
        string.Join(';', ConnectionString.Split(';').Select(part =>
            part.StartsWith(endpoint + "=", StringComparison.Ordinal) ? $"{endpoint}=http://127.0.0.1:9/devstoreaccount1" : part));

    private static string Resolve()
    {
        var connectionString = Environment.GetEnvironmentVariable("BEPBOT_TEST_STORAGE");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("BEPBOT_TEST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");
        }

        var endpoint = connectionString.Split(';').Select(part => part.Split('=', 2)).First(pair => pair[0] == "BlobEndpoint")[1];
        var uri = new Uri(endpoint);
        using var client = new TcpClient();
        try
        {
            client.Connect(uri.Host, uri.Port);
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException($"Azurite is not reachable at {uri.Host}:{uri.Port}: run the tests with ./test.sh.", ex);
        }

        return connectionString;
    }
}
