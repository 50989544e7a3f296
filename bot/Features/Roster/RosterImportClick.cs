using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster;

/// <summary>
/// What « Confirmer » and « Annuler » check first: the import the card names exists, and the person clicking sent it
/// (same object id, same tenant). Every refusal is answered in words and logged; nothing changes.
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
        if (await imports.FindAsync(id, cancellationToken) is not { } found)
        {
            return (id, Refuse(id, turn, action, "unknown import", texts["RosterImport_Unknown"]));
        }

        if (found.Status == RosterImportStatus.Previewed && clock.GetUtcNow() - found.PreviewedAt >= options.Value.ImportPreviewLifetime)
        {
            return (id, Refuse(id, turn, action, "preview expired", texts["RosterImport_Expired", BelgianTime.FormatDateTime(found.PreviewedAt, turn.Culture), (int)options.Value.ImportPreviewLifetime.TotalHours]));
        }

        var isAuthor = string.Equals(found.AuthorAadObjectId, turn.User.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(found.AuthorTenantId, turn.Conversation.TenantId, StringComparison.OrdinalIgnoreCase);
        return (id, isAuthor ? null : Refuse(id, turn, action, "not its author", texts["RosterImport_NotAuthor", found.AuthorName]));
    }

    public Reply Refuse(string id, ChatTurn turn, string action, string reason, string message)
    {
        RosterLog.ImportClickRefused(logger, RosterImportStore.IsWellFormed(id) ? id : "(malformed)", action, turn.User.AadObjectId, reason);
        return Reply.WithText(message);
    }
}
