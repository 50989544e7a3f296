using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`roster.cancelImport`: the author drops a previewed import (from its card or the dashboard tab); the roster is not touched.</summary>
public sealed class CancelRosterImport(
    RosterImportStore imports,
    RosterImportClick click,
    CardCatalog cards,
    IStringLocalizer<RosterTexts> texts,
    ILogger<CancelRosterImport> logger) : ICardActionHandler
{
    private const string Action = "cancel";

    private static readonly HashSet<RosterImportStatus> Cancellable = [RosterImportStatus.Previewed];

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<RosterImportData>(data).ImportId;
        var (cancelled, refusal) = await CancelAsync(id, turn.User, turn.Conversation.TenantId, turn.Culture, cancellationToken);
        return cancelled is null
            ? Reply.WithText(refusal!)
            : Reply.UpdatingCard(cards.Render("common/confirmation", new
            {
                Title = texts["RosterImport_CancelledTitle"].Value,
                Message = texts["RosterImport_Cancelled", CardText.EscapeMarkdown(cancelled.FileName)].Value,
                Details = Array.Empty<object>(),
            }));
    }

    /// <summary>The import as it was when cancelled, or why it cannot be (logged, nothing changed).</summary>
    public async Task<(RosterImport? Cancelled, string? Refusal)> CancelAsync(string id, ChatUser user, string? tenantId, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await click.CheckAsync(id, user, tenantId, culture, Action, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        var import = await imports.MoveAsync(id, Cancellable, RosterImportStatus.Cancelled, cancellationToken);
        switch (import?.Status)
        {
            case null:
                return (null, Refused(id, user, "unknown import", texts["RosterImport_Unknown"]));
            case RosterImportStatus.Confirming or RosterImportStatus.Applied:
                return (null, Refused(id, user, "already confirmed", texts["RosterImport_CannotCancel"]));
            case RosterImportStatus.Cancelled:
                return (null, Refused(id, user, "already cancelled", texts["RosterImport_AlreadyCancelled"]));
            case RosterImportStatus.Superseded:
                return (null, Refused(id, user, "superseded", texts["RosterImport_Superseded"]));
        }

        RosterLog.ImportCancelled(logger, id, user.AadObjectId);
        return (import, null);
    }

    private string Refused(string id, ChatUser user, string reason, string message) => click.Refuse(id, user, Action, reason, message);
}
