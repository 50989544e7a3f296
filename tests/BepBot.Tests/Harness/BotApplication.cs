using Azure.Data.Tables;
using BepBot.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BepBot.Tests.Harness;

/// <summary>
/// The bot in-process, on a Blob store in Azurite (a container of its own unless one is given, so a second
/// instance on the same container is "the bot after a restart"), with the demo roster.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotApplication(string? container = null, IDictionary<string, string?>? settings = null)
    {
        Container = container ?? $"bot-{Guid.NewGuid():N}";
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Blob",
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:Container"] = Container,
            ["Roster:SeedDemo"] = "true",
            // The demo roster names no tenant: its people are those of the tenant TeamsClient sends.
            ["Roster:DefaultTenantId"] = TeamsClient.Tenant,
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["Exports:PublicBaseUrl"] = "http://localhost/",
            // Timers shortened so that tests wait milliseconds, not seconds.
            ["Scheduling:PollInterval"] = "00:00:00.200",
            ["Broadcasts:StatusRefreshInterval"] = "00:00:00.300",
            ["Broadcasts:IdlePollInterval"] = "00:00:00.100",
            ["Broadcasts:BaseRetryDelay"] = "00:00:00.050",
            // Fixtures write rosters straight into the store; RosterCacheTests cover the cache itself.
            ["Roster:CacheDuration"] = "00:00:00",
            // A click answered « prise en compte » because the 2-core machine was busy would make any test of its card
            // flaky: LateAnswerTests set their own wait; the benchmarks keep the bot's default (null).
            ["LateAnswers:After"] = "00:01:00",
        };
        // A null value removes the harness's own setting: the bot's default applies (e.g. the production timers).
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                _settings.Remove(key);
            }
            else
            {
                _settings[key] = value;
            }
        }
    }

    public string Container { get; }

    public ShiftedClock Clock { get; } = new();

    private Action<IServiceCollection>? _extraServices;

    /// <summary>Adds test services (e.g. a log sink) before the host starts.</summary>
    public BotApplication WithServices(Action<IServiceCollection> configure)
    {
        _extraServices = configure;
        return this;
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public TeamsClient CreateTeamsClient(string? serviceUrl = null) => new(CreateClient(), serviceUrl ?? "http://127.0.0.1:9/");

    /// <summary>Every key in the bot's store under a prefix.</summary>
    public async Task<List<string>> KeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var key in Store.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>The activities the bot claimed (deduplication), whichever store holds the claims.</summary>
    public async Task<List<string>> ActivityClaimsAsync()
    {
        var options = Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.Provider != StorageProvider.Blob)
        {
            return await KeysAsync("activities/");
        }

        var table = new TableClient(options.ConnectionString, options.ClaimsTableName);
        var claims = new List<string>();
        try
        {
            await foreach (var claim in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                claims.Add(claim.PartitionKey);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is created with the first claim: no table, no claim.
        }

        return claims;
    }

    // Found from the output folder, so that the benchmark runner (not a test project) hosts the bot too.
    private static string BotProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BepBot.sln")))
            {
                return Path.Combine(folder.FullName, "bot");
            }
        }

        throw new InvalidOperationException("BepBot.sln not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(BotProjectFolder());
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _extraServices?.Invoke(services);
        });
    }
}
