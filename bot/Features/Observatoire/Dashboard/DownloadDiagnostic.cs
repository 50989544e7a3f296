using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire.Dashboard;

/// <summary>`observatoire.export` from the tab: the chat's diagnostic CSV of a commune, as a download.</summary>
public sealed partial class DownloadDiagnostic(
    DataSetStore dataSets, ObservatoireCards cards, ExportHandout handout, IStringLocalizer<ObservatoireTexts> texts, ILogger<DownloadDiagnostic> logger) : IDashboardAction
{
    public const string ActionVerb = ExportDiagnostic.Verb;

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read<ExportRequest>(data).Commune;
        if (CommuneCodes.Find(asked) is not { } commune)
        {
            LogRefused(logger, request.User.AadObjectId, "not one of the 40 communes");
            return DashboardActionResult.Refused(texts["Board_UnknownCommune", CommuneArgument.Shorten(asked)]);
        }

        var loaded = await dataSets.LoadAsync(cancellationToken);
        if (loaded.IsEmpty)
        {
            LogRefused(logger, request.User.AadObjectId, "no data");
            return DashboardActionResult.Refused(texts["Board_Empty"]);
        }

        return await handout.OfferAsync(
            request.User, [cards.DiagnosticFile(loaded, commune, CultureInfo.CurrentUICulture)], texts["Diag_Title", commune.Name], ObservatoireBoard.LinkTo(commune), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: diagnostic export refused to {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, [PseudonymousId] string user, string reason);
}
