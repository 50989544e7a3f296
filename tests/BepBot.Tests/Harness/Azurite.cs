using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;

namespace BepBot.Tests.Harness;

/// <summary>
/// The Azurite of this test run: the one the test command started (BEPBOT_TEST_STORAGE, set by tools/with-azurite.sh),
/// or else one started here from tests/node on first use and stopped when the test process exits. Checked once with
/// plain TCP connects, because the Azure SDK would retry for ~25 s per call against a server that is not there.
/// </summary>
public static class Azurite
{
    private static readonly string[] Endpoints = ["BlobEndpoint", "QueueEndpoint", "TableEndpoint"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
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
        var given = Environment.GetEnvironmentVariable("BEPBOT_TEST_STORAGE");
        var connectionString = string.IsNullOrWhiteSpace(given) ? StartOwn() : given;
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var name in Endpoints)
        {
            if (!parts.TryGetValue(name, out var endpoint) || endpoint is not string address)
            {
                throw new InvalidOperationException($"BEPBOT_TEST_STORAGE has no {name}: the tests need Azurite's blob, queue and table services.");
            }

            var uri = new Uri(address);
            using var client = new TcpClient();
            try
            {
                client.Connect(uri.Host, uri.Port);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"Azurite is not reachable at {uri.Host}:{uri.Port} ({name} of BEPBOT_TEST_STORAGE).", ex);
            }
        }

        return connectionString;
    }

    // tests/node/azurite.js runs Azurite until its stdin closes: when this process exits, however it exits, the OS
    // closes the pipe and Azurite stops with it. ProcessExit also stops it by its id, for an orderly end.
    private static string StartOwn()
    {
        var tools = NodeTools.Folder;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(tools, "azurite.js") },
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var azurite = NodeTools.Start(start);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(azurite);
        var errors = new StringBuilder();
        azurite.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        azurite.BeginErrorReadLine();

        var ready = azurite.StandardOutput.ReadLineAsync();
        if (!ready.Wait(StartTimeout) || string.IsNullOrWhiteSpace(ready.Result))
        {
            Stop(azurite);
            lock (errors)
            {
                throw new InvalidOperationException($"Azurite (tests/node/azurite.js) did not start within {StartTimeout}: {errors}");
            }
        }

        return ready.Result!;
    }

    private static void Stop(Process azurite)
    {
        try
        {
            if (!azurite.HasExited)
            {
                azurite.StandardInput.Close();
                if (!azurite.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    azurite.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
