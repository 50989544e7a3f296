using System.Diagnostics;
using BepBot.Features.Roster;
using BepBot.Tests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace BepBot.Tests.Bot;

/// <summary>A bot told it runs in Production never holds demonstration data, however it was started or configured.</summary>
public sealed class ProductionStartTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("bepbot-production-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EverySeedDemoKeySet_InProduction_NothingSeededAndEachRefusalLogged()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var feature in new[] { "Roster", "Conferences", "Votes", "Labs", "Broadcasts", "Observatoire", "Projects" })
        {
            settings[$"{feature}:SeedDemo"] = "true";
        }

        await using var bot = new BotApplication(settings: settings);
        await using var production = bot.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .ConfigureTestServices(services => services.AddFakeLogging()));
        using var client = production.CreateClient();

        var keys = new List<string>();
        await foreach (var key in production.Services.GetRequiredService<BepBot.Infrastructure.Storage.IDocumentStore>().ListKeysAsync(string.Empty))
        {
            keys.Add(key);
        }

        keys.ShouldBeEmpty();
        var refusals = production.Services.GetFakeLogCollector().GetSnapshot()
            .Where(record => record.Level == LogLevel.Warning && record.Message.StartsWith("Demo seed of ", StringComparison.Ordinal))
            .ToList();
        refusals.Count.ShouldBe(7);
    }

    /// <summary>
    /// `dotnet run` applies bot/Properties/launchSettings.json, whose variables win over the shell's: the profile must not
    /// turn an ASPNETCORE_ENVIRONMENT=Production start into a Development one (which seeds the demo roster).
    /// </summary>
    [Fact]
    public async Task DotnetRun_WithAspNetCoreEnvironmentProduction_RunsInProductionWithoutTheDemoRoster()
    {
        var store = Path.Combine(_folder, "store");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--no-build", "--project", "bot", "-c", BuildConfiguration(), "--", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = "LocalFolder";
        start.Environment["Storage__LocalFolder"] = store;

        var output = new List<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line.Data);
            }

            if (line.Data.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        try
        {
            await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = string.Join('\n', output);
        started.Task.IsCompleted.ShouldBeTrue(log + await process.StandardError.ReadToEndAsync());
        log.ShouldContain("Hosting environment: Production");
        File.Exists(Path.Combine(store, RosterDirectory.Key + ".json")).ShouldBeFalse();
        log.ShouldNotContain("DEMO members");
    }

    private static string RepositoryRoot()
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

    // The tests run from tests/BepBot.Tests/bin/<configuration>/<framework>/, and `dotnet run --no-build` needs the bot built in that configuration.
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
