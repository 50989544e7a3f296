using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts.Dashboard;

/// <summary>
/// « Diffusions » in the staff tab: the broadcasts staff list in chat, then one broadcast: where its deliveries stand,
/// the recipients it did not reach first with the reason the delivery engine recorded, the others after, and the report.
/// </summary>
public sealed partial class BroadcastsBoard(
    BroadcastStore broadcasts,
    BroadcastCards cards,
    IStringLocalizer<BroadcastsTexts> texts,
    IStringLocalizer<DeliveryTexts> deliveryTexts,
    DeliveryReasons reasons,
    TimeProvider clock,
    ILogger<BroadcastsBoard> logger) : IDashboardPage
{
    public const string PageName = "broadcasts";

    // A broadcast in flight moves by the second; a scheduled one only when it starts.
    private const int SendingRefreshSeconds = 5;
    private const int ScheduledRefreshSeconds = 60;

    public string Name => PageName;

    public int MenuOrder => 50;

    public string Title => texts["Broadcast_ListTitle"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public static string LinkTo(string broadcastId) => $"{PageName}?broadcast={broadcastId}";

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        if (request["broadcast"] is not { } id)
        {
            var all = new List<Broadcast>();
            await foreach (var broadcast in broadcasts.ListAsync(cancellationToken))
            {
                all.Add(broadcast);
            }

            return new DashboardView(Title, [List(ListBroadcasts.Listed(all))]);
        }

        var found = (await broadcasts.GetAsync(id, cancellationToken))?.Value;
        if (found is null || found.State == BroadcastState.Draft)
        {
            LogUnknownBroadcast(logger, id, request.User.AadObjectId);
            return new DashboardView(texts["Board_UnknownTitle"], [new FactsBlock(texts["Board_UnknownTitle"], [], texts["Broadcast_Unknown"])], Back: PageName);
        }

        return BroadcastView(found, await SummaryAsync(found, cancellationToken));
    }

    // A finished broadcast is shown from the summary its last count kept (one document, not 10,000); one in flight is
    // counted again, at most once per refresh of its page whoever is watching.
    private async Task<DeliverySummary> SummaryAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var kept = await broadcasts.GetSummaryAsync(broadcast.Id, cancellationToken);
        if (kept is not null && (kept.IsFinalFor(broadcast) || clock.GetUtcNow() - kept.CountedAt < TimeSpan.FromSeconds(SendingRefreshSeconds)))
        {
            return kept;
        }

        return (await broadcasts.RecountAsync(broadcast.Id, clock, cancellationToken)).Summary;
    }

    private TableBlock List(IReadOnlyList<Broadcast> listed)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = listed.Select(broadcast => new TableRow(
            broadcast.Id,
            new Dictionary<string, DashboardCell>
            {
                ["title"] = TitleOf(broadcast),
                ["audience"] = Audience(broadcast),
                ["state"] = State(broadcast),
                ["recipients"] = new(broadcast.RecipientCount.ToString(culture), broadcast.RecipientCount),
                ["when"] = new(cards.When(broadcast, culture), (broadcast.ScheduledFor ?? broadcast.StartedAt ?? broadcast.CreatedAt).ToUnixTimeSeconds()),
            },
            Link: LinkTo(broadcast.Id))).ToList();
        return new TableBlock(
            texts["Broadcast_ListTitle"],
            [
                new TableColumn("title", texts["Broadcast_LabelTitle"]),
                new TableColumn("audience", texts["Broadcast_FactAudience"]),
                new TableColumn("state", texts["Board_Column_State"]),
                new TableColumn("recipients", texts["Broadcast_FactRecipients"], Numeric: true),
                new TableColumn("when", texts["Broadcast_FactWhen"]),
            ],
            rows,
            texts["Broadcast_ListEmpty"]);
    }

    private DashboardView BroadcastView(Broadcast broadcast, DeliverySummary summary)
    {
        var culture = CultureInfo.CurrentUICulture;
        var counts = summary.Counts;
        var updates = broadcast.Updates is not null;
        List<DashboardBlock> blocks =
        [
            new FactsBlock(
                texts["Board_BroadcastHeading"],
                [
                    new Fact(texts["Board_Column_State"], State(broadcast).Text, State(broadcast).Tone),
                    new Fact(texts["Broadcast_FactAudience"], Audience(broadcast)),
                    new Fact(texts["Broadcast_FactWhen"], cards.When(broadcast, culture)),
                    new Fact(texts["Board_Author"], broadcast.AuthorName),
                ]),
            new FactsBlock(
                texts["Board_DeliveryHeading"],
                [
                    new Fact(deliveryTexts[updates ? "CardUpdate_UpdatedLabel" : "Delivery_Sent"], counts.Sent.ToString(culture), counts.Sent > 0 ? CellTone.Good : CellTone.Neutral),
                    new Fact(deliveryTexts["Delivery_Pending"], counts.Pending.ToString(culture)),
                    new Fact(deliveryTexts["Delivery_Retrying"], counts.Retrying.ToString(culture), counts.Retrying > 0 ? CellTone.Warning : CellTone.Neutral),
                    new Fact(deliveryTexts["Delivery_Failed"], counts.Failed.ToString(culture), counts.Failed > 0 ? CellTone.Bad : CellTone.Neutral),
                    new Fact(deliveryTexts[updates ? "CardUpdate_GoneLabel" : "Delivery_Unreachable"], counts.Unreachable.ToString(culture), counts.Unreachable > 0 ? CellTone.Warning : CellTone.Neutral),
                ],
                texts["Board_Progress", counts.Total - counts.Pending - counts.Retrying, counts.Total]),
            Recipients(texts["Board_ProblemsHeading"], summary.NotReached, texts["Board_ProblemsEmpty"]),
            Recipients(texts["Board_OthersHeading"], summary.FirstReached, texts["Board_OthersEmpty"]),
        ];
        if (summary.ReachedCount > summary.FirstReached.Count)
        {
            blocks.Add(new FactsBlock(texts["Board_OthersHeading"], [], texts["Board_MoreInReport", summary.ReachedCount - summary.FirstReached.Count]));
        }

        if (ExportDeliveryReport.HasReport(broadcast))
        {
            blocks.Add(new ButtonsBlock(
                texts["Board_ReportHeading"],
                [new DashboardButton(deliveryTexts["Broadcast_ReportButton"], DownloadDeliveryReport.ActionVerb, new JsonObject { ["broadcastId"] = broadcast.Id })]));
        }

        var refresh = broadcast.State switch
        {
            BroadcastState.Sending => SendingRefreshSeconds,
            BroadcastState.Scheduled => ScheduledRefreshSeconds,
            _ => (int?)null,
        };
        return new DashboardView(TitleOf(broadcast), blocks, refresh, PageName);
    }

    private TableBlock Recipients(string heading, IReadOnlyList<DeliveryRecord> deliveries, string empty)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = deliveries.Select(delivery => new TableRow(
            delivery.RecipientKey,
            new Dictionary<string, DashboardCell>
            {
                ["name"] = delivery.RecipientName,
                ["status"] = new(deliveryTexts["DeliveryOutcome_" + delivery.Status], Tone: ToneOf(delivery.Status)),
                ["reason"] = reasons.Describe(delivery, culture),
                ["attempts"] = new(delivery.Attempts.ToString(culture), delivery.Attempts),
                ["sent"] = delivery.SentAt is { } sent ? new DashboardCell(BelgianTime.FormatDateTime(sent, culture), sent.ToUnixTimeSeconds()) : string.Empty,
            })).ToList();
        return new TableBlock(
            heading,
            [
                new TableColumn("name", texts["Board_Column_Recipient"]),
                new TableColumn("status", texts["Board_Column_State"]),
                new TableColumn("reason", texts["Board_Column_Reason"]),
                new TableColumn("attempts", texts["Board_Column_Attempts"], Numeric: true),
                new TableColumn("sent", texts["Board_Column_SentAt"]),
            ],
            rows,
            empty);
    }

    private string TitleOf(Broadcast broadcast) =>
        broadcast.Updates is null ? broadcast.Title : deliveryTexts["CardUpdate_StatusTitle", broadcast.Title];

    private string Audience(Broadcast broadcast) =>
        broadcast.Updates is null ? cards.DescribeAudience(broadcast.Audience) : deliveryTexts["CardUpdate_Cards", broadcast.RecipientCount];

    private DashboardCell State(Broadcast broadcast) => new(
        deliveryTexts["BroadcastState_" + broadcast.State],
        Tone: broadcast.State switch
        {
            BroadcastState.Sending => CellTone.Warning,
            BroadcastState.Completed => CellTone.Good,
            _ => CellTone.Neutral,
        });

    private static CellTone ToneOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => CellTone.Good,
        DeliveryStatus.Failed => CellTone.Bad,
        DeliveryStatus.Unreachable or DeliveryStatus.Retrying => CellTone.Warning,
        _ => CellTone.Neutral,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: unknown broadcast {BroadcastId} asked by {User}")]
    private static partial void LogUnknownBroadcast(ILogger logger, [PseudonymousId] string broadcastId, [PseudonymousId] string user);
}
