using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Exports;

/// <summary>
/// Files the bot hands to a user (CSV reports, spreadsheets, charts, calendar files): stored under an unguessable token
/// and served by GET /exports/{token} until the link expires, then deleted (<see cref="ExportPurger"/>). Teams bots cannot
/// attach a file to a chat message outside the file-consent flow, so a short-lived link is what a person clicks. How
/// long it lives depends on what the file carries, which the caller must say (<see cref="ExportContent"/>).
/// </summary>
public sealed class ExportStore(IDocumentStore store, TimeProvider clock, IOptions<ExportOptions> options)
{
    public const string Route = "/exports/{token}";

    private const string Prefix = "exports/";

    public Task<ExportLink> SaveAsync(
        ExportContent content, string fileName, string contentType, byte[] bytes, CancellationToken cancellationToken = default) =>
        SaveAsync(content, fileName, contentType, bytes, owner: null, cancellationToken);

    /// <param name="owner">The person it is made for (their Entra object id): only they may have it put in their OneDrive.</param>
    public async Task<ExportLink> SaveAsync(
        ExportContent content, string fileName, string contentType, byte[] bytes, string? owner, CancellationToken cancellationToken = default)
    {
        var lifetime = options.Value.LifetimeOf(content);
        var expiresAt = clock.GetUtcNow() + lifetime;
        var token = NewToken(expiresAt);
        await store.CreateAsync(Prefix + token, new ExportFile(fileName, contentType, Convert.ToBase64String(bytes), expiresAt, owner), cancellationToken);
        return new ExportLink(new Uri(options.Value.PublicBaseUrl, Prefix + token), lifetime, expiresAt, token);
    }

    public async Task<ExportFile?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var file = (await store.GetAsync<ExportFile>(Prefix + token, cancellationToken))?.Value;
        if (file is not null && file.ExpiresAt <= clock.GetUtcNow())
        {
            await store.DeleteAsync(Prefix + token, cancellationToken: cancellationToken);
            return null;
        }

        return file;
    }

    /// <summary>Deletes the files whose link has expired; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var purged = 0;
        await foreach (var key in store.ListKeysAsync(Prefix, cancellationToken))
        {
            var token = key[Prefix.Length..];
            if (!IsWellFormed(token) || ExpiryOf(token) > now)
            {
                continue;
            }

            // The token's expiry only says which files to look at; the file's own expiry decides.
            var file = await store.GetAsync<ExportFile>(key, cancellationToken);
            if (file is not null && file.Value.ExpiresAt <= now && await store.DeleteAsync(key, file.ETag, cancellationToken))
            {
                purged++;
            }
        }

        return purged;
    }

    // 8 hex digits of the expiry (Unix seconds) so that the purge finds expired files from their names alone, then 20
    // random bytes (160 bits) that make the link unguessable.
    private static string NewToken(DateTimeOffset expiresAt)
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Math.Ceiling(expiresAt.ToUnixTimeMilliseconds() / 1000.0));
        RandomNumberGenerator.Fill(bytes[4..]);
        return Convert.ToHexStringLower(bytes);
    }

    private static DateTimeOffset ExpiryOf(string token) =>
        DateTimeOffset.FromUnixTimeSeconds(uint.Parse(token.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

    private static bool IsWellFormed(string token) => token.Length == 48 && token.All(char.IsAsciiHexDigitLower);
}
