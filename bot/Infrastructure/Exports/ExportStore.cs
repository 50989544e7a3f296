using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>The bot's public address, for download links in cards (Teams opens them in the browser).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978/");

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}

public sealed record ExportFile(string FileName, string ContentType, string ContentBase64, DateTimeOffset ExpiresAt);

/// <summary>
/// Files the bot hands to a user (CSV reports): stored under an unguessable token and served by
/// GET /exports/{token} until the link expires. Teams bots cannot attach a file to a chat message outside
/// the file-consent flow, so a short-lived link is what a person clicks.
/// </summary>
public sealed class ExportStore(IDocumentStore store, TimeProvider clock, IOptions<ExportOptions> options)
{
    public const string Route = "/exports/{token}";

    public async Task<Uri> SaveAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var file = new ExportFile(fileName, contentType, Convert.ToBase64String(content), clock.GetUtcNow() + options.Value.LinkLifetime);
        await store.CreateAsync(KeyOf(token), file, cancellationToken);
        return new Uri(options.Value.PublicBaseUrl, "exports/" + token);
    }

    public async Task<ExportFile?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length != 48 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var file = (await store.GetAsync<ExportFile>(KeyOf(token), cancellationToken))?.Value;
        return file is null || file.ExpiresAt < clock.GetUtcNow() ? null : file;
    }

    private static string KeyOf(string token) => "exports/" + token;
}

public static class ExportEndpoint
{
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
        builder.Services.AddSingleton<ExportStore>();
        return builder;
    }

    public static WebApplication MapExports(this WebApplication app)
    {
        app.MapGet(ExportStore.Route, async (string token, ExportStore exports, CancellationToken cancellationToken) =>
            await exports.FindAsync(token, cancellationToken) is { } file
                ? Results.File(Convert.FromBase64String(file.ContentBase64), file.ContentType, file.FileName)
                : Results.NotFound());
        return app;
    }
}
