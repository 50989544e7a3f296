using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`observatoire.exportCharts`: the charts of the card's indicator as PNG files, behind links made at the click.</summary>
public sealed partial class ExportChartFiles(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ExportChartFiles> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ChartRequest>(data);
        if (request.Resolve() is not { } communes)
        {
            LogBadRequest(logger, turn.User.AadObjectId, request.Communes.Count);
            return Reply.WithText(texts["Compare_Usage"]);
        }

        var loaded = await dataSets.LoadAsync(cancellationToken);
        if (loaded.IsEmpty)
        {
            return Reply.WithText(texts["Empty"]);
        }

        var card = await cards.ChartFilesAsync(loaded, communes, loaded.FindIndicator(request.Indicator)?.Key, turn.Culture, cancellationToken);
        return card is null ? Reply.WithText(texts["ChartFiles_None"]) : Reply.WithCard(card, texts["ChartFiles_Button"]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "observatoire.exportCharts from {User} refused: {Count} commune(s), unknown or repeated")]
    private static partial void LogBadRequest(ILogger logger, [PseudonymousId] string user, int count);
}
