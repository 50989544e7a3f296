using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Exports;

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
