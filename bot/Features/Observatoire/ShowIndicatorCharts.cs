using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`observatoire.chart`: the same card again, with the charts of the indicator picked in it (updated in place).</summary>
public sealed partial class ShowIndicatorCharts(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ShowIndicatorCharts> logger) : ICardActionHandler
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

        var indicator = loaded.FindIndicator(request.Indicator);
        var card = communes.Count == 1
            ? cards.Diagnostic(loaded, communes[0], indicator?.Key, turn.Culture)
            : cards.Comparison(loaded, communes, indicator?.Key, turn.Culture);
        var reply = Reply.UpdatingCard(card);
        return indicator is null && request.Indicator is not null ? Reply.WithText(texts["Unknown_Indicator"]).Then(reply) : reply;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "observatoire.chart from {User} refused: {Count} commune(s), unknown or repeated")]
    private static partial void LogBadRequest(ILogger logger, [PseudonymousId] string user, int count);
}
