using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>The buttons under a card's charts (`observatoire.chart`, `observatoire.exportCharts`): the card's communes and picked indicator, checked, then the answer.</summary>
internal static partial class ChartsReply
{
    public static async Task<Reply> BuildAsync(
        ChatTurn turn,
        JsonElement data,
        DataSetStore dataSets,
        IStringLocalizer<ObservatoireTexts> texts,
        ILogger logger,
        Func<ObservatoireData, IReadOnlyList<Commune>, Indicator?, Task<Reply>> answer,
        CancellationToken cancellationToken)
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

        var indicator = loaded.FindIndicator(request.Indicator);
        var reply = await answer(loaded, communes, indicator);
        return indicator is null && request.Indicator is not null ? Reply.WithText(texts["Unknown_Indicator"]).Then(reply) : reply;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chart request from {User} refused: {Count} commune(s), unknown or repeated")]
    private static partial void LogBadRequest(ILogger logger, [PseudonymousId] string user, int count);
}
