using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BepBot.Tests.Harness;

/// <summary>
/// The bot as a process of its own, built output run with `dotnet`, listening on a loopback port it picks: for what
/// an in-process host cannot show, such as the process environment (a trust store, environment variables).
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly List<string> _output = [];

    private BotProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<BotProcess> StartAsync(IDictionary<string, string> environment)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "bot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "bot", "bin", BuildConfiguration(), "net10.0", "BepBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var bot = new BotProcess(new Process { StartInfo = start });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (bot._output)
            {
                bot._output.Add(line);
            }

            if (line.Contains("Now listening on", StringComparison.Ordinal) && ListeningAddress().Match(line) is { Success: true } address)
            {
                listening.TrySetResult(new Uri(address.Value + "/"));
            }
        }

        bot._process.OutputDataReceived += (_, line) => Collect(line.Data);
        bot._process.ErrorDataReceived += (_, line) => Collect(line.Data);
        bot._process.Start();
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        await Task.WhenAny(listening.Task, bot._process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (!listening.Task.IsCompleted)
        {
            await bot.DisposeAsync();
            throw new InvalidOperationException("The bot process did not start listening:\n" + bot.Output);
        }

        bot.BaseAddress = await listening.Task;
        return bot;
    }

    public TeamsClient CreateTeamsClient(string serviceUrl = "http://127.0.0.1:9/") => new(new HttpClient { BaseAddress = BaseAddress }, serviceUrl);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BepBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("BepBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The tests run from tests/BepBot.Tests/bin/&lt;configuration&gt;/&lt;framework&gt;/, and the bot was built alongside them.</summary>
    public static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningAddress();
}
