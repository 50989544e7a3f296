using BepBot.Infrastructure;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Observatoire;

/// <summary>
/// At start: imports the configured CSV file(s) (a file left unchanged since its last import adds no version) and,
/// for local play, the demonstration figures when the store has no data set at all. A bad file is logged row by row
/// and skipped: the bot still starts, and the data it had stays as it was.
/// </summary>
public sealed partial class ObservatoireSeeder(
    DataSetStore dataSets,
    IOptions<ObservatoireOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    IStringLocalizer<ObservatoireTexts> texts,
    ILogger<ObservatoireSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ImportPath))
        {
            await ImportConfiguredAsync(Path.Combine(environment.ContentRootPath, settings.ImportPath), cancellationToken);
        }

        if (settings.SeedDemo && DemoSeeding.IsAllowed(environment, logger, "the Observatoire figures") && !await dataSets.AnyAsync(cancellationToken))
        {
            await dataSets.ImportAsync(DemoData.Name, DemoData.Observations, "démonstration", DemoData.Source, isDemo: true, contentHash: null, cancellationToken);
            LogDemoSeeded(logger, DemoData.Observations.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportConfiguredAsync(string path, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : [];
        if (files.Count == 0)
        {
            LogNothingAt(logger, path);
            return;
        }

        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file, cancellationToken);
            var hash = ImportDataSetFile.HashOf(content);
            var name = DataSetStore.NameOf(Path.GetFileName(file));
            var head = await dataSets.GetHeadAsync(DataSetStore.IdOf(name), cancellationToken);
            if (head is not null && head.Current.ContentHash == hash)
            {
                continue;
            }

            var result = ObservatoireCsv.Parse(TextFileDecoding.Decode(content), clock.GetUtcNow().Year + 1);
            if (!result.IsValid)
            {
                // Worded in French, the language these files are written in, whatever the host's culture.
                using (CultureScope.Use(Cultures.French))
                {
                    foreach (var error in result.Errors)
                    {
                        LogImportError(logger, file, error.Line, error.Describe(texts));
                    }
                }

                continue;
            }

            var version = await dataSets.ImportAsync(name, result.Observations, "configuration", Path.GetFileName(file), isDemo: false, hash, cancellationToken);
            LogImported(logger, file, version.Version, result.Observations.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Observatoire import {Path} line {Line}: {Error} (file not imported)")]
    private static partial void LogImportError(ILogger logger, string path, long line, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Observatoire data set imported from {Path} as version {Version} ({Rows} rows)")]
    private static partial void LogImported(ILogger logger, string path, int version, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observatoire:ImportPath {Path} holds no CSV file")]
    private static partial void LogNothingAt(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observatoire seeded with {Count} rows of DEMONSTRATION figures (invented; local play only)")]
    private static partial void LogDemoSeeded(ILogger logger, int count);
}
