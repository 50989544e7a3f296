using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BepBot.Tests.Harness;

/// <summary>
/// The real bot in a process of its own (the BepBot.dll built beside the tests), on a local folder store, bound to
/// 127.0.0.1 on a port the system picks, with authentication off: what a test kills with SIGKILL, as a crash would.
/// Disposing kills it if it still runs.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The last lines the bot wrote, to explain a failure.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<BotProcess> StartAsync(string storeFolder, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "BepBot.dll") },
            // The content root: the cards and appsettings.json are copied beside the tests.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Storage__Provider"] = "LocalFolder",
            ["Storage__LocalFolder"] = storeFolder,
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            // Rosters the tests write name no tenant: their people are those of the tenant TeamsClient sends.
            ["Roster__DefaultTenantId"] = TeamsClient.Tenant,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // As in BotApplication: a click answered « prise en compte » only because the machine was busy is not what these tests check.
            ["LateAnswers__After"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet BepBot.dll did not start."));
        bot._process.OutputDataReceived += (_, line) => bot.Keep(line.Data);
        bot._process.ErrorDataReceived += (_, line) => bot.Keep(line.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        try
        {
            bot.BaseAddress = await bot._listening.Task.WaitAsync(StartTimeout);
            return bot;
        }
        catch (TimeoutException)
        {
            await bot.DisposeAsync();
            throw new TimeoutException($"The bot did not listen within {StartTimeout}:\n{bot.Output}");
        }
    }

    public TeamsClient CreateTeamsClient() => new(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, "http://127.0.0.1:9/");

    /// <summary>SIGKILL: no shutdown, no flush, whatever the process was writing stops where it is.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal) && ListeningAddress().Match(line) is { Success: true } address)
        {
            _listening.TrySetResult(new Uri(address.Value));
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningAddress();
}
