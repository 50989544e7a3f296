using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster.Dashboard;

/// <summary>
/// `roster.confirmImport` from the tab: the chat's own « Confirmer » (its author only, once, all or nothing); when the
/// roster changed since the preview, nothing is applied and a fresh preview takes its place.
/// </summary>
public sealed class ConfirmRosterFile(
    ConfirmRosterImport confirm, PreviewRosterImport preview, RosterPreviewView view, RosterImportClick click, RosterBoard board, IStringLocalizer<RosterTexts> texts) : IDashboardAction
{
    public const string ActionVerb = "roster.confirmImport";

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<RosterImportData>(data).ImportId;
        var tenantId = click.TenantOf(request.User);
        var confirmation = await confirm.ConfirmAsync(id, request.User, tenantId, CultureInfo.CurrentUICulture, cancellationToken);
        if (confirmation.Refusal is { } refusal)
        {
            return DashboardActionResult.Refused(refusal);
        }

        var import = confirmation.Import!;
        if (confirmation.Applied is { } plan)
        {
            return new DashboardActionResult(true, texts["RosterImport_Done", import.FileName, string.Join(", ", preview.Counts(plan))], await board.ViewAsync(cancellationToken));
        }

        return new DashboardActionResult(
            false,
            texts["RosterImport_Stale", import.FileName],
            await view.PrepareAsync(request.User, tenantId, import.FileName, import.Rows, cancellationToken));
    }
}
