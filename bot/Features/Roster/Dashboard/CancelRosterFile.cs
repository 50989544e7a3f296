using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster.Dashboard;

/// <summary>`roster.cancelImport` from the tab: the chat's own « Annuler »; the roster is not touched.</summary>
public sealed class CancelRosterFile(CancelRosterImport cancel, RosterImportClick click, RosterBoard board, IStringLocalizer<RosterTexts> texts) : IDashboardAction
{
    public const string ActionVerb = "roster.cancelImport";

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<RosterImportData>(data).ImportId;
        var (cancelled, refusal) = await cancel.CancelAsync(id, request.User, click.TenantOf(request.User), CultureInfo.CurrentUICulture, cancellationToken);
        return cancelled is null
            ? DashboardActionResult.Refused(refusal!)
            : new DashboardActionResult(true, texts["RosterImport_Cancelled", cancelled.FileName], await board.ViewAsync(cancellationToken));
    }
}
