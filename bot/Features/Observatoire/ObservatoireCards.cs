using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>
/// Builds the Observatoire's cards from the loaded data. Charts are PNGs behind ExportStore links (unguessable,
/// expiring): two charts weigh 35–40 KB, over the ~28 KB Teams allows for a whole card if inlined as data URIs.
/// </summary>
public sealed class ObservatoireCards(CardCatalog cards, ExportStore exports, LinkValidity validity, IStringLocalizer<ObservatoireTexts> texts)
{
    public async Task<JsonObject> DiagnosticAsync(ObservatoireData data, Commune commune, string? indicatorKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var summaries = data.Indicators.Select(indicator => ObservatoireStatistics.Summarize(data, commune.Name, indicator)).ToList();
        var selected = Pick(summaries, indicatorKey);
        var charts = new List<object>();
        var chartMessage = string.Empty;
        if (selected is { Latest: not null, Comparison: not null })
        {
            charts.Add(await TrendChartAsync(data, commune, selected, culture, cancellationToken));
            charts.Add(await ComparisonChartAsync(data, commune, selected, culture, cancellationToken));
        }
        else if (selected is not null)
        {
            chartMessage = texts["Chart_NoValue", commune.Name, CardText.EscapeMarkdown(selected.Indicator.Name)];
        }

        return cards.Render("observatoire/diagnostic", new
        {
            Title = texts["Diag_Title", Of(commune.Name)].Value,
            Subtitle = texts["Diag_Subtitle", commune.Bassin.Name, CommuneCodes.Of(commune)].Value,
            DemoNotice = data.Indicators.Any(indicator => indicator.IsDemo) ? texts["Demo_Notice"].Value : string.Empty,
            Intro = texts["Diag_Intro"].Value,
            Indicators = summaries.Select(summary => new
            {
                Name = CardText.EscapeMarkdown(summary.Indicator.Name),
                Latest = summary.Latest is { } latest
                    ? texts["Diag_Latest", Number(latest.Value, culture), CardText.EscapeMarkdown(summary.Indicator.Unit), latest.Year].Value
                    : texts["Diag_NoValue", commune.Name].Value,
                Trend = TrendText(summary, culture),
                Comparison = ComparisonText(summary.Comparison, culture),
                Source = SourceText(summary.Indicator, culture),
            }).ToList(),
            ChartHeading = texts["Chart_Heading", CardText.EscapeMarkdown(selected?.Indicator.Name ?? string.Empty)].Value,
            ChartMessage = chartMessage,
            Charts = charts,
            PickLabel = texts["Chart_Pick"].Value,
            Selected = selected?.Indicator.Key ?? string.Empty,
            Choices = Choices(data),
            ShowButton = texts["Chart_Show"].Value,
            ExportButton = texts["Export_Button"].Value,
            Commune = commune.Name,
            Communes = new[] { commune.Name },
        });
    }

    public async Task<JsonObject> ComparisonAsync(ObservatoireData data, IReadOnlyList<Commune> communes, string? indicatorKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var selected = (indicatorKey is null ? null : data.FindIndicator(indicatorKey)) ?? DefaultIndicator(data);
        var charts = new List<object>();
        var chartMessage = string.Empty;
        if (selected is not null)
        {
            var series = communes.Select(commune => (commune.Name, data.Series(commune.Name, selected.Key))).ToList();
            if (series.Any(entry => entry.Item2.Count > 0))
            {
                var png = ObservatoireCharts.Lines(Truncate(selected.Name, 40), series, culture);
                var url = (await exports.SaveAsync(ExportContent.NoPersonalData, $"comparaison-{DataSetStore.IdOf(selected.Name)}.png", "image/png", png, cancellationToken)).Url;
                charts.Add(new { Url = url.ToString(), AltText = texts["Chart_LinesAlt", selected.Name, Of(Join(communes.Select(commune => commune.Name)))].Value });
            }
            else
            {
                chartMessage = texts["Chart_NoValue", Join(communes.Select(commune => commune.Name)), CardText.EscapeMarkdown(selected.Name)];
            }
        }

        var names = Join(communes.Select(commune => commune.Name));
        return cards.Render("observatoire/compare", new
        {
            Title = texts["Compare_Title", names].Value,
            Note = texts["Compare_Note"].Value,
            DemoNotice = data.Indicators.Any(indicator => indicator.IsDemo) ? texts["Demo_Notice"].Value : string.Empty,
            Headers = communes.Select(commune => new { commune.Name, Bassin = commune.Bassin.ShortName }).ToList(),
            Indicators = data.Indicators.Select(indicator => new
            {
                Name = texts["Compare_Indicator", CardText.EscapeMarkdown(indicator.Name), CardText.EscapeMarkdown(indicator.Unit)].Value,
                Values = communes.Select(commune => data.Series(commune.Name, indicator.Key) is { Count: > 0 } series
                    ? new { Value = "**" + Number(series[^1].Value, culture) + "**", Year = series[^1].Year.ToString(CultureInfo.InvariantCulture) }
                    : new { Value = texts["Compare_Missing"].Value, Year = "—" }).ToList(),
            }).ToList(),
            Sources = texts["Compare_Sources", CardText.EscapeMarkdown(string.Join(" ; ", data.Indicators.Select(indicator => indicator.Source).Distinct(StringComparer.Ordinal)))].Value,
            ChartHeading = texts["Chart_Heading", CardText.EscapeMarkdown(selected?.Name ?? string.Empty)].Value,
            ChartMessage = chartMessage,
            Charts = charts,
            PickLabel = texts["Chart_Pick"].Value,
            Selected = selected?.Key ?? string.Empty,
            Choices = Choices(data),
            ShowButton = texts["Chart_Show"].Value,
            Communes = communes.Select(commune => commune.Name).ToList(),
        });
    }

    public JsonObject Indicators(ObservatoireData data, CultureInfo culture) => cards.Render("observatoire/indicators", new
    {
        Title = texts["Indicators_Title"].Value,
        Count = texts["Indicators_Count", data.Indicators.Count].Value,
        DemoNotice = data.Indicators.Any(indicator => indicator.IsDemo) ? texts["Demo_Notice"].Value : string.Empty,
        Indicators = data.Indicators.Select(indicator => new
        {
            Name = texts["Indicators_Line", CardText.EscapeMarkdown(indicator.Name), CardText.EscapeMarkdown(indicator.Unit)].Value,
            Detail = texts[
                "Indicators_Detail",
                CardText.EscapeMarkdown(indicator.Source),
                indicator.Years[0],
                indicator.Years[^1],
                BelgianTime.FormatDate(indicator.ImportedAt, culture),
                CardText.EscapeMarkdown(indicator.DataSetName),
                indicator.Version].Value,
        }).ToList(),
    });

    public JsonObject DataSets(IReadOnlyList<DataSetHead> heads, CultureInfo culture) => cards.Render("observatoire/datasets", new
    {
        Title = texts["DataSets_Title"].Value,
        Empty = heads.Count == 0 ? texts["DataSets_Empty"].Value : string.Empty,
        DataSets = heads.Select(head => new
        {
            Name = texts["DataSets_Head", CardText.EscapeMarkdown(head.Name), head.CurrentVersion].Value + (head.IsDemo ? $" — {texts["Page_Demo"].Value}" : string.Empty),
            Versions = head.Versions.OrderByDescending(version => version.Version).Select(version => new
            {
                Text = texts[
                    "DataSets_Version",
                    version.Version,
                    BelgianTime.FormatDateTime(version.ImportedAt, culture),
                    CardText.EscapeMarkdown(version.ImportedBy),
                    version.RowCount,
                    CardText.EscapeMarkdown(version.Origin)].Value + (version.Version == head.CurrentVersion ? " " + texts["DataSets_Current"].Value : string.Empty),
            }).ToList(),
        }).ToList(),
        Hint = texts["DataSets_Hint"].Value,
    });

    public async Task<JsonObject> ExportAsync(ObservatoireData data, Commune commune, CultureInfo culture, CancellationToken cancellationToken)
    {
        var csv = DiagnosticCsv.Write(data, commune, culture);
        var link = await exports.SaveAsync(ExportContent.NoPersonalData, $"diagnostic-{DataSetStore.IdOf(commune.Name)}.csv", ExportTable.CsvContentType, csv, cancellationToken);
        return cards.Render("observatoire/export", new
        {
            Text = texts["Export_Ready", Of(commune.Name), validity.Of(link)].Value,
            Button = texts["Export_Open"].Value,
            Url = link.Url.ToString(),
        });
    }

    public static Indicator? DefaultIndicator(ObservatoireData data) =>
        data.FindIndicator("population") ?? (data.Indicators.Count > 0 ? data.Indicators[0] : null);

    private static IndicatorSummary? Pick(List<IndicatorSummary> summaries, string? indicatorKey) =>
        summaries.FirstOrDefault(summary => summary.Indicator.Key == indicatorKey)
        ?? summaries.FirstOrDefault(summary => summary.Indicator.Key == "population" && summary.HasValue)
        ?? summaries.FirstOrDefault(summary => summary.HasValue)
        ?? summaries.FirstOrDefault();

    private async Task<object> TrendChartAsync(ObservatoireData data, Commune commune, IndicatorSummary summary, CultureInfo culture, CancellationToken cancellationToken)
    {
        var medians = summary.Indicator.Years
            .Select(year => (year, ObservatoireStatistics.Median([.. commune.Bassin.Communes.Select(name => data.Value(name, summary.Indicator.Key, year)).OfType<decimal>()])))
            .Where(entry => entry.Item2 is not null)
            .Select(entry => new YearValue(entry.year, entry.Item2!.Value))
            .ToList();
        var png = ObservatoireCharts.Trend(
            texts["Chart_TrendTitle", Truncate(summary.Indicator.Name, 30), commune.Name],
            summary.Series,
            commune.Name,
            medians,
            texts["Chart_MedianLegend"],
            culture);
        var url = (await exports.SaveAsync(ExportContent.NoPersonalData, $"tendance-{DataSetStore.IdOf(commune.Name)}.png", "image/png", png, cancellationToken)).Url;
        var (first, last) = (summary.Series[0], summary.Series[^1]);
        return new
        {
            Url = url.ToString(),
            AltText = texts["Chart_TrendAlt", summary.Indicator.Name, Of(commune.Name), WithUnit(first.Value, summary.Indicator, culture), first.Year, WithUnit(last.Value, summary.Indicator, culture), last.Year].Value,
        };
    }

    private async Task<object> ComparisonChartAsync(ObservatoireData data, Commune commune, IndicatorSummary summary, CultureInfo culture, CancellationToken cancellationToken)
    {
        var comparison = summary.Comparison!;
        var values = commune.Bassin.Communes
            .Select(name => (name, data.Value(name, summary.Indicator.Key, comparison.Year)))
            .Where(entry => entry.Item2 is not null)
            .Select(entry => (entry.name, entry.Item2!.Value))
            .ToList();
        var png = ObservatoireCharts.Comparison(
            texts["Chart_CompareTitle", Truncate(summary.Indicator.Name, 30), comparison.Year],
            values,
            commune.Name,
            comparison.BassinMedian,
            culture);
        var url = (await exports.SaveAsync(ExportContent.NoPersonalData, $"bassin-{DataSetStore.IdOf(commune.Name)}.png", "image/png", png, cancellationToken)).Url;
        return new
        {
            Url = url.ToString(),
            AltText = texts[
                "Chart_CompareAlt",
                summary.Indicator.Name,
                comparison.Year,
                comparison.BassinWithValue,
                commune.Name,
                comparison.Rank,
                WithUnit(comparison.BassinMedian!.Value, summary.Indicator, culture)].Value,
        };
    }

    private string TrendText(IndicatorSummary summary, CultureInfo culture)
    {
        if (summary.Latest is null)
        {
            return string.Empty;
        }

        if (summary.Trend is not { } trend)
        {
            return texts["Trend_Single"];
        }

        var change = (trend.Change > 0 ? "+" : string.Empty) + Number(trend.Change, culture) + " " + CardText.EscapeMarkdown(summary.Indicator.Unit);
        var percent = trend.ChangePercent is { } p ? Percent(p, culture) : change;
        return trend.Direction switch
        {
            TrendDirection.Up => texts["Trend_Up", trend.From.Year, percent, change],
            TrendDirection.Down => texts["Trend_Down", trend.From.Year, percent, change],
            _ => texts["Trend_Stable", trend.From.Year, percent],
        };
    }

    private string ComparisonText(Comparison? comparison, CultureInfo culture) => comparison is null
        ? string.Empty
        : string.Join("  \n", [
            texts["Compare_Rank", comparison.Rank, comparison.BassinWithValue].Value,
            texts["Compare_Bassin", Number(comparison.BassinMedian!.Value, culture), comparison.BassinWithValue, comparison.BassinSize].Value,
            texts["Compare_Territory", Number(comparison.TerritoryMedian!.Value, culture), comparison.TerritoryWithValue, comparison.TerritorySize].Value,
        ]);

    private string SourceText(Indicator indicator, CultureInfo culture) =>
        texts["Source_Line", CardText.EscapeMarkdown(indicator.Source), BelgianTime.FormatDate(indicator.ImportedAt, culture), indicator.Version].Value
        + (indicator.IsDemo ? $" — {texts["Page_Demo"].Value}" : string.Empty);

    private static List<object> Choices(ObservatoireData data) =>
        [.. data.Indicators.Select(indicator => new { Title = indicator.Name, Value = indicator.Key })];

    /// <summary>"de Gembloux", "d'Andenne", "d'Yvoir" (French elides before a vowel; these communes have no aspirated h).</summary>
    public string Of(string commune) =>
        "aeiouy".Contains(Infrastructure.Text.TextFolding.Fold(commune)[0], StringComparison.Ordinal) ? texts["Of_CommuneElided", commune] : texts["Of_Commune", commune];

    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,0.##", culture);

    private static string WithUnit(decimal value, Indicator indicator, CultureInfo culture) => $"{Number(value, culture)} {indicator.Unit}";

    private static string Percent(decimal value, CultureInfo culture) =>
        value.ToString("+0.0;-0.0;0.0", culture) + (culture.TwoLetterISOLanguageName == "fr" ? "\u00A0%" : "%");

    private string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : string.Join(", ", list[..^1]) + texts["List_And"].Value + list[^1];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
