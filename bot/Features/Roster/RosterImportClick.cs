using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster;

/// <summary>
/// What « Confirmer » and « Annuler » check first, from a card or from the dashboard tab: the import named exists, and
/// the person clicking sent it (same object id, same tenant). Every refusal is answered in words and logged; nothing changes.
/// </summary>
public sealed class RosterImportClick(
    RosterImportStore imports,
    TimeProvider clock,
    IOptions<RosterOptions> options,
    IStringLocalizer<RosterTexts> texts,
    ILogger<RosterImportClick> logger)
{
    /// <summary>The import's id, and the answer when the click is refused (null: go on).</summary>
    public async Task<(string Id, Reply? Refusal)> CheckAsync(ChatTurn turn, JsonElement data, string action, CancellationToken cancellationToken)
    {
        var id = CardData.Read<RosterImportData>(data).ImportId;
        var refusal = await CheckAsync(id, turn.User, turn.Conversation.TenantId, turn.Culture, action, cancellationToken);
        return (id, refusal is null ? null : Reply.WithText(refusal));
    }

    /// <param name="tenantId">The tenant the person acts from (their chat's, or the one the roster binds them in).</param>
    /// <returns>Why the click is refused, in words; null when it may go on.</returns>
    public async Task<string?> CheckAsync(string id, ChatUser user, string? tenantId, CultureInfo culture, string action, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { } found)
        {
            return Refuse(id, user, action, "unknown import", texts["RosterImport_Unknown"]);
        }

        if (found.Status == RosterImportStatus.Previewed && clock.GetUtcNow() - found.PreviewedAt >= options.Value.ImportPreviewLifetime)
        {
            return Refuse(id, user, action, "preview expired", texts["RosterImport_Expired", BelgianTime.FormatDateTime(found.PreviewedAt, culture), (int)options.Value.ImportPreviewLifetime.TotalHours]);
        }

        var isAuthor = string.Equals(found.AuthorAadObjectId, user.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(found.AuthorTenantId, tenantId, StringComparison.OrdinalIgnoreCase);
        return isAuthor ? null : Refuse(id, user, action, "not its author", texts["RosterImport_NotAuthor", found.AuthorName]);
    }

    public Reply Refuse(string id, ChatTurn turn, string action, string reason, string message) =>
        Reply.WithText(Refuse(id, turn.User, action, reason, message));

    /// <summary>Logs the refusal; returns <paramref name="message"/>, the words the person is answered with.</summary>
    public string Refuse(string id, ChatUser user, string action, string reason, string message)
    {
        RosterLog.ImportClickRefused(logger, RosterImportStore.IsWellFormed(id) ? id : "(malformed)", action, user.AadObjectId, reason);
        return message;
    }

    /// <summary>The tenant a person in the roster acts from: theirs, or the roster's default one.</summary>
    public string? TenantOf(ChatUser user) => user.Member?.TenantId ?? options.Value.DefaultTenantId;
}
