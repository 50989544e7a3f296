using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts.Dashboard;

/// <summary>`broadcasts.report` from the tab: the chat's delivery report (CSV), as a download.</summary>
public sealed partial class DownloadDeliveryReport(
    BroadcastStore broadcasts, DeliveryReport report, ExportHandout handout, IStringLocalizer<BroadcastsTexts> texts, ILogger<DownloadDeliveryReport> logger) : IDashboardAction
{
    public const string ActionVerb = ExportDeliveryReport.Verb;

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<BroadcastIdData>(data).BroadcastId;
        var broadcast = (await broadcasts.GetAsync(id, cancellationToken))?.Value;
        if (!ExportDeliveryReport.HasReport(broadcast))
        {
            LogRefused(logger, id, request.User.AadObjectId, "no such broadcast, or a draft or cancelled one");
            return DashboardActionResult.Refused(texts["Broadcast_Unknown"]);
        }

        var file = ExportDeliveryReport.FileOf(report, broadcast, await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken), System.Globalization.CultureInfo.CurrentUICulture) with { LinkTitle = texts["Board_ReportFile"] };
        return await handout.OfferAsync(request.User, [file], texts["Board_ReportTitle", broadcast.Title], BroadcastsBoard.LinkTo(broadcast.Id), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: delivery report of {BroadcastId} refused to {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, [PseudonymousId] string broadcastId, [PseudonymousId] string user, string reason);
}
