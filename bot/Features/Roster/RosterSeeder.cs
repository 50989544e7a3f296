using BepBot.Infrastructure;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster;

/// <summary>
/// At start, gives an empty store a roster: the configured CSV, else (local play) the demo roster; and says when
/// entries without a tenant can match no one.
/// </summary>
public sealed partial class RosterSeeder(
    RosterDirectory roster,
    IOptions<RosterOptions> options,
    IHostEnvironment environment,
    IStringLocalizer<RosterTexts> texts,
    ILogger<RosterSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.DefaultTenantId))
        {
            LogNoDefaultTenant(logger);
        }

        var seedDemo = settings.SeedDemo && string.IsNullOrWhiteSpace(settings.SeedCsvPath) && DemoSeeding.IsAllowed(environment, logger, "the roster");
        // Nothing to seed: do not touch the store at start, so a bot whose store is down still starts and says so on /readyz.
        if ((string.IsNullOrWhiteSpace(settings.SeedCsvPath) && !seedDemo) || await roster.ExistsAsync(cancellationToken))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(settings.SeedCsvPath))
        {
            var path = Path.Combine(environment.ContentRootPath, settings.SeedCsvPath);
            var result = RosterCsv.Parse(await File.ReadAllTextAsync(path, cancellationToken));
            if (!result.IsValid)
            {
                // Worded in French, the language the BEP keeps its roster in, whatever the host's culture.
                using (CultureScope.Use(Cultures.French))
                {
                    foreach (var error in result.Errors)
                    {
                        LogSeedError(logger, path, error.Line, error.Describe(texts));
                    }
                }

                throw new InvalidOperationException($"The roster CSV '{path}' has {result.Errors.Count} invalid row(s); nothing was imported. See the log.");
            }

            await roster.ReplaceAllAsync(result.Members, isDemo: false, updatedBy: "configuration", cancellationToken);
            LogSeeded(logger, result.Members.Count, path);
        }
        else if (seedDemo)
        {
            await roster.ReplaceAllAsync(DemoRoster.Members, isDemo: true, updatedBy: "demo", cancellationToken);
            LogDemoSeeded(logger, DemoRoster.Members.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster:DefaultTenantId is not set: roster entries without a tenantId match no one, and their people are answered as guests")]
    private static partial void LogNoDefaultTenant(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Roster seed {Path} line {Line}: {Error}")]
    private static partial void LogSeedError(ILogger logger, string path, long line, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster seeded with {Count} members from {Path}")]
    private static partial void LogSeeded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster seeded with the {Count} DEMO members of the Agents Playground (local play only)")]
    private static partial void LogDemoSeeded(ILogger logger, int count);
}
