using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`observatoire.chart`: the same card again, with the charts of the indicator picked in it (updated in place).</summary>
public sealed class ShowIndicatorCharts(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ShowIndicatorCharts> logger) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        ChartsReply.BuildAsync(turn, data, dataSets, texts, logger, (loaded, communes, indicator) => Task.FromResult(Reply.UpdatingCard(communes.Count == 1
            ? cards.Diagnostic(loaded, communes[0], indicator?.Key, turn.Culture)
            : cards.Comparison(loaded, communes, indicator?.Key, turn.Culture))), cancellationToken);
}
