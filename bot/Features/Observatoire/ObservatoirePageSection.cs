using System.Globalization;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>Two or three headline figures on the commune's page (`ma commune`), with a pointer to the full diagnostic.</summary>
public sealed class ObservatoirePageSection(DataSetStore dataSets, IStringLocalizer<ObservatoireTexts> texts) : ICommunePageSection
{
    private static readonly string[] Headlines = ["population", "densite de population", "emploi salarie"];

    public int Order => 50;

    public async Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        var data = await dataSets.LoadAsync(cancellationToken);
        if (data.IsEmpty)
        {
            return null;
        }

        var indicators = Headlines.Select(data.FindIndicator).OfType<Indicator>().ToList();
        if (indicators.Count == 0)
        {
            indicators = [.. data.Indicators.Take(3)];
        }

        var lines = indicators
            .Select(indicator => (indicator, Series: data.Series(commune, indicator.Key)))
            .Where(entry => entry.Series.Count > 0)
            .Select(entry => new CommunePageLine(
                texts["Page_Line", Cards.CardText.EscapeMarkdown(entry.indicator.Name), ObservatoireCards.Number(entry.Series[^1].Value, culture), Cards.CardText.EscapeMarkdown(entry.indicator.Unit), entry.Series[^1].Year],
                entry.indicator.IsDemo ? texts["Page_Demo"] : Cards.CardText.EscapeMarkdown(entry.indicator.Source)))
            .ToList();
        return new CommunePageSection(texts["Page_Title"], lines, texts["Page_Empty"]);
    }
}
