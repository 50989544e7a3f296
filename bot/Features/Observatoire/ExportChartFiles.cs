using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`observatoire.exportCharts`: the charts of the card's indicator as PNG files, behind links made at the click.</summary>
public sealed class ExportChartFiles(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ExportChartFiles> logger) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        ChartsReply.BuildAsync(turn, data, dataSets, texts, logger, async (loaded, communes, indicator) =>
            await cards.ChartFilesAsync(loaded, communes, indicator?.Key, turn.Culture, cancellationToken) is { } card
                ? Reply.WithCard(card, texts["ChartFiles_Button"])
                : Reply.WithText(texts["ChartFiles_None"]), cancellationToken);
}
