using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`roster.cancelImport`: the author drops a previewed import; the roster is not touched.</summary>
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
        var (id, refusal) = await click.CheckAsync(turn, data, Action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var import = await imports.MoveAsync(id, Cancellable, RosterImportStatus.Cancelled, cancellationToken);
        switch (import?.Status)
        {
            case null:
                return Refused(id, turn, "unknown import", texts["RosterImport_Unknown"]);
            case RosterImportStatus.Confirming or RosterImportStatus.Applied:
                return Refused(id, turn, "already confirmed", texts["RosterImport_CannotCancel"]);
            case RosterImportStatus.Cancelled:
                return Refused(id, turn, "already cancelled", texts["RosterImport_AlreadyCancelled"]);
            case RosterImportStatus.Superseded:
                return Refused(id, turn, "superseded", texts["RosterImport_Superseded"]);
        }

        RosterLog.ImportCancelled(logger, id, turn.User.AadObjectId);
        return Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["RosterImport_CancelledTitle"].Value,
            Message = texts["RosterImport_Cancelled", CardText.EscapeMarkdown(import.FileName)].Value,
            Details = Array.Empty<object>(),
        }));
    }

    private Reply Refused(string id, ChatTurn turn, string reason, string message) => click.Refuse(id, turn, Action, reason, message);
}
