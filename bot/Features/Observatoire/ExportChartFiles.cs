using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>`observatoire.exportCharts`: the charts of the card's indicator as PNG files, behind links made at the click.</summary>
public sealed class ExportChartFiles(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ExportChartFiles> logger) : ICardActionHandler
{
    public const string Verb = "observatoire.exportCharts";

    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        ChartsReply.BuildAsync(turn, data, dataSets, texts, logger, async (loaded, communes, indicator) =>
            await cards.ChartFilesAsync(turn, loaded, communes, indicator?.Key, cancellationToken)
                ?? Reply.WithText(texts["ChartFiles_None"]), cancellationToken);
}
