using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>
/// Builds the Observatoire's cards from the loaded data. Cards carry Teams' own charts (figures, not images: they
/// stay true in the chat history); PNG charts are files for exports only, produced at the click.
/// </summary>
public sealed class ObservatoireCards(CardCatalog cards, ExportHandout handout, LinkValidity validity, IStringLocalizer<ObservatoireTexts> texts)
{
    public JsonObject Diagnostic(ObservatoireData data, Commune commune, string? indicatorKey, CultureInfo culture)
    {
        var summaries = data.Indicators.Select(indicator => ObservatoireStatistics.Summarize(data, commune.Name, indicator)).ToList();
        var selected = Pick(summaries, indicatorKey);
        var trends = new List<object>();
        var bassins = new List<object>();
        var chartMessage = string.Empty;
        if (selected is { Latest: not null, Comparison: not null })
        {
            trends.Add(TrendChart(data, commune, selected, culture));
            bassins.Add(BassinChart(data, commune, selected, culture));
        }
        else if (selected is not null)
        {
            chartMessage = texts["Chart_NoValue", commune.Name, CardText.EscapeMarkdown(selected.Indicator.Name)];
        }

        return cards.Render("observatoire/diagnostic", new
        {
            Title = texts["Diag_Title", commune.Name].Value,
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
            Trends = trends,
            Bassins = bassins,
            PickLabel = texts["Chart_Pick"].Value,
            Selected = selected?.Indicator.Key ?? string.Empty,
            Choices = Choices(data),
            ShowButton = texts["Chart_Show"].Value,
            FilesButton = texts["ChartFiles_Button"].Value,
            ExportButton = texts["Export_Button"].Value,
            Commune = commune.Name,
            Communes = new[] { commune.Name },
        });
    }

    public JsonObject Comparison(ObservatoireData data, IReadOnlyList<Commune> communes, string? indicatorKey, CultureInfo culture)
    {
        var selected = (indicatorKey is null ? null : data.FindIndicator(indicatorKey)) ?? DefaultIndicator(data);
        var trends = new List<object>();
        var chartMessage = string.Empty;
        if (selected is not null)
        {
            var series = communes.Select(commune => (commune.Name, data.Series(commune.Name, selected.Key))).ToList();
            if (series.Any(entry => entry.Item2.Count > 0))
            {
                trends.Add(LinesChart(selected, series, culture));
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
            IndicatorHeader = texts["Compare_Header"].Value,
            Headers = communes.Select(commune => new { commune.Name, Bassin = commune.Bassin.ShortName }).ToList(),
            Indicators = data.Indicators.Select(indicator => new
            {
                Name = texts["Compare_Indicator", CardText.EscapeMarkdown(indicator.Name), CardText.EscapeMarkdown(indicator.Unit)].Value,
                Values = communes.Select(commune => data.Series(commune.Name, indicator.Key) is { Count: > 0 } series
                    ? new { Value = "**" + Number(series[^1].Value, culture) + "**", Year = series[^1].Year.ToString(CultureInfo.InvariantCulture) }
                    : new { Value = texts["Compare_Missing"].Value, Year = "—" }).ToList(),
            }).ToList(),
            Sources = texts["Compare_Sources", CardText.EscapeMarkdown(MessageFormatter.JoinList(data.Indicators.Select(indicator => indicator.Source).Distinct(StringComparer.Ordinal), culture))].Value,
            ChartHeading = texts["Chart_Heading", CardText.EscapeMarkdown(selected?.Name ?? string.Empty)].Value,
            ChartMessage = chartMessage,
            Trends = trends,
            PickLabel = texts["Chart_Pick"].Value,
            Selected = selected?.Key ?? string.Empty,
            Choices = Choices(data),
            ShowButton = texts["Chart_Show"].Value,
            FilesButton = texts["ChartFiles_Button"].Value,
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
                indicator.Years[0] == indicator.Years[^1] ? texts["Indicators_Year", indicator.Years[0]] : texts["Indicators_Years", indicator.Years[0], indicator.Years[^1]],
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

    /// <summary>The commune's diagnostic as CSV, made at the click; <paramref name="renew"/> is the click to make it again.</summary>
    public Task<Reply> ExportAsync(ChatTurn turn, ObservatoireData data, Commune commune, ExportRequest renew, CancellationToken cancellationToken) =>
        handout.ReplyAsync(
            turn,
            [DiagnosticFile(data, commune, turn.Culture)],
            links => texts["Export_Ready", commune.Name, validity.Of(links[0])],
            ExportDiagnostic.Verb,
            renew,
            cancellationToken);

    /// <summary>The charts of the picked indicator as PNG files (for a report or a slide), produced at the click behind fresh links.</summary>
    public async Task<Reply?> ChartFilesAsync(ChatTurn turn, ObservatoireData data, IReadOnlyList<Commune> communes, string? indicatorKey, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        var files = new List<(string Title, string FileName, byte[] Png, string Description)>();
        string indicatorName;
        if (communes.Count == 1)
        {
            var commune = communes[0];
            var summaries = data.Indicators.Select(indicator => ObservatoireStatistics.Summarize(data, commune.Name, indicator)).ToList();
            if (Pick(summaries, indicatorKey) is not { Latest: not null, Comparison: { } comparison } summary)
            {
                return null;
            }

            indicatorName = summary.Indicator.Name;
            var values = commune.Bassin.Communes
                .Select(name => (name, data.Value(name, summary.Indicator.Key, comparison.Year)))
                .Where(entry => entry.Item2 is not null)
                .Select(entry => (entry.name, entry.Item2!.Value))
                .ToList();
            var medians = BassinMedians(data, commune, summary.Indicator);
            files.Add((texts["ChartFiles_Trend"], $"tendance-{DataSetStore.IdOf(commune.Name)}.png", ObservatoireCharts.Trend(
                texts["Chart_TrendTitle", Truncate(summary.Indicator.Name, 30), commune.Name], summary.Series, commune.Name, medians, texts["Chart_MedianLegend"], culture),
                AltText(texts["Chart_TrendTitle", summary.Indicator.Name, commune.Name], summary.Series.Select(point => (
                    point.Year.ToString(CultureInfo.InvariantCulture),
                    texts["Chart_TrendRow", commune.Name, WithUnit(point.Value, summary.Indicator, culture), texts["Chart_MedianLegend"].Value, medians.FirstOrDefault(median => median.Year == point.Year) is { } median ? WithUnit(median.Value, summary.Indicator, culture) : "—"].Value)))));
            files.Add((texts["ChartFiles_Bassin"], $"bassin-{DataSetStore.IdOf(commune.Name)}.png", ObservatoireCharts.Comparison(
                texts["Chart_CompareTitle", Truncate(summary.Indicator.Name, 30), comparison.Year], values, commune.Name, texts["Chart_ThisCommune", commune.Name], comparison.BassinMedian, texts["Chart_MedianLegend"], culture),
                AltText(texts["Chart_CompareTitle", summary.Indicator.Name, comparison.Year], values
                    .OrderByDescending(entry => entry.Value)
                    .Select(entry => (entry.name == commune.Name ? texts["Chart_ThisCommune", entry.name].Value : entry.name, WithUnit(entry.Value, summary.Indicator, culture)))
                    .Append((texts["Chart_MedianLegend"].Value, comparison.BassinMedian is { } bassinMedian ? WithUnit(bassinMedian, summary.Indicator, culture) : "—")))));
        }
        else
        {
            var selected = (indicatorKey is null ? null : data.FindIndicator(indicatorKey)) ?? DefaultIndicator(data);
            var series = selected is null ? [] : communes.Select(commune => (commune.Name, data.Series(commune.Name, selected.Key))).ToList();
            if (selected is null || !series.Any(entry => entry.Item2.Count > 0))
            {
                return null;
            }

            indicatorName = selected.Name;
            files.Add((texts["ChartFiles_Lines"], $"comparaison-{DataSetStore.IdOf(selected.Name)}.png", ObservatoireCharts.Lines(Truncate(selected.Name, 40), series, culture),
                AltText(selected.Name, series.SelectMany(entry => entry.Item2.Select(point => point.Year)).Distinct().Order().Select(year => (
                    year.ToString(CultureInfo.InvariantCulture),
                    string.Join(" · ", series.Select(entry => texts["Chart_LinesRow", entry.Name, entry.Item2.FirstOrDefault(point => point.Year == year) is { } point ? WithUnit(point.Value, selected, culture) : "—"].Value)))))));
        }

        return await handout.ReplyAsync(
            turn,
            [.. files.Select(file => new ExportedFile(ExportContent.NoPersonalData, file.FileName, "image/png", file.Png, file.Title, file.Description))],
            links => texts["ChartFiles_Ready", CardText.EscapeMarkdown(indicatorName), Join(communes.Select(commune => commune.Name)), validity.Of(links[^1])],
            ExportChartFiles.Verb,
            new ChartRequest([.. communes.Select(commune => commune.Name)], indicatorKey),
            cancellationToken);
    }

    /// <summary>The commune's diagnostic as a CSV file (the chat's export and the dashboard tab's).</summary>
    public ExportedFile DiagnosticFile(ObservatoireData data, Commune commune, CultureInfo culture) =>
        new(ExportContent.NoPersonalData, $"diagnostic-{DataSetStore.IdOf(commune.Name)}.csv", ExportTable.CsvContentType, DiagnosticCsv.Write(data, commune, culture), texts["Export_Open"]);

    public static Indicator? DefaultIndicator(ObservatoireData data) =>
        data.FindIndicator("population") ?? (data.Indicators.Count > 0 ? data.Indicators[0] : null);

    /// <summary>The indicator asked for, else the population, else the first with a value: what the charts show.</summary>
    public static IndicatorSummary? Pick(List<IndicatorSummary> summaries, string? indicatorKey) =>
        summaries.FirstOrDefault(summary => summary.Indicator.Key == indicatorKey)
        ?? summaries.FirstOrDefault(summary => summary.Indicator.Key == "population" && summary.HasValue)
        ?? summaries.FirstOrDefault(summary => summary.HasValue)
        ?? summaries.FirstOrDefault();

    // Teams draws the chart; hosts without charts show the fallback, the same figures as a list (cards/README.md, "Charts").
    private object TrendChart(ObservatoireData data, Commune commune, IndicatorSummary summary, CultureInfo culture)
    {
        var medians = BassinMedians(data, commune, summary.Indicator);
        var title = texts["Chart_TrendTitle", summary.Indicator.Name, commune.Name].Value;
        return new
        {
            Title = title,
            Heading = CardText.EscapeMarkdown(title),
            XAxis = texts["Chart_YearAxis"].Value,
            YAxis = summary.Indicator.Unit,
            Series = new[]
            {
                LineSeries(commune.Name, "categoricalBlue", summary.Series),
                LineSeries(texts["Chart_MedianLegend"], "categoricalMarigold", medians),
            },
            Rows = summary.Series.Select(point => new
            {
                Label = point.Year.ToString(CultureInfo.InvariantCulture),
                Value = texts[
                    "Chart_TrendRow",
                    commune.Name,
                    WithUnit(point.Value, summary.Indicator, culture),
                    texts["Chart_MedianLegend"].Value,
                    medians.FirstOrDefault(median => median.Year == point.Year) is { } median ? WithUnit(median.Value, summary.Indicator, culture) : "—"].Value,
            }).ToList(),
        };
    }

    private object BassinChart(ObservatoireData data, Commune commune, IndicatorSummary summary, CultureInfo culture)
    {
        var comparison = summary.Comparison!;
        var median = texts["Chart_MedianLegend"].Value;
        // The commune is marked in its label, not only by its colour.
        var bars = commune.Bassin.Communes
            .Select(name => (Name: name, Value: data.Value(name, summary.Indicator.Key, comparison.Year)))
            .Where(entry => entry.Value is not null)
            .Select(entry => (Label: entry.Name == commune.Name ? texts["Chart_ThisCommune", entry.Name].Value : entry.Name, Value: entry.Value!.Value, Color: entry.Name == commune.Name ? "categoricalBlue" : "neutral"))
            .Append((Label: median, Value: comparison.BassinMedian!.Value, Color: "categoricalMarigold"))
            .OrderByDescending(bar => bar.Value)
            .ToList();
        var title = texts["Chart_CompareTitle", summary.Indicator.Name, comparison.Year].Value;
        return new
        {
            Title = title,
            Heading = CardText.EscapeMarkdown(title),
            XAxis = texts["Chart_CommuneAxis"].Value,
            YAxis = summary.Indicator.Unit,
            Bars = bars.Select(bar => new { X = bar.Label, Y = bar.Value, bar.Color }).ToList(),
            Rows = bars.Select(bar => new { bar.Label, Value = WithUnit(bar.Value, summary.Indicator, culture) }).ToList(),
        };
    }

    private object LinesChart(Indicator indicator, List<(string Name, IReadOnlyList<YearValue> Series)> series, CultureInfo culture) => new
    {
        Title = indicator.Name,
        Heading = CardText.EscapeMarkdown(indicator.Name),
        XAxis = texts["Chart_YearAxis"].Value,
        YAxis = indicator.Unit,
        Series = series.Where(entry => entry.Series.Count > 0).Select(entry => LineSeries(entry.Name, null, entry.Series)).ToList(),
        Rows = series.SelectMany(entry => entry.Series.Select(point => point.Year)).Distinct().Order().Select(year => new
        {
            Label = year.ToString(CultureInfo.InvariantCulture),
            Value = string.Join(" · ", series.Select(entry => texts[
                "Chart_LinesRow",
                entry.Name,
                entry.Series.FirstOrDefault(point => point.Year == year) is { } point ? WithUnit(point.Value, indicator, culture) : "—"].Value)),
        }).ToList(),
    };

    private static Dictionary<string, object> LineSeries(string legend, string? color, IReadOnlyList<YearValue> points)
    {
        var series = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["legend"] = legend,
            ["values"] = points.Select(point => new { X = point.Year.ToString(CultureInfo.InvariantCulture), Y = point.Value }).ToList(),
        };
        if (color is not null)
        {
            series["color"] = color;
        }

        return series;
    }

    /// <summary>The bassin's median of each year, over the communes that have a value that year.</summary>
    public static List<YearValue> BassinMedians(ObservatoireData data, Commune commune, Indicator indicator) =>
        [.. indicator.Years
            .Select(year => (year, ObservatoireStatistics.Median([.. commune.Bassin.Communes.Select(name => data.Value(name, indicator.Key, year)).OfType<decimal>()])))
            .Where(entry => entry.Item2 is not null)
            .Select(entry => new YearValue(entry.year, entry.Item2!.Value))];

    /// <param name="markdown">False for plain text (the dashboard tab), where the unit shows as typed.</param>
    public string TrendText(IndicatorSummary summary, CultureInfo culture, bool markdown = true)
    {
        if (summary.Latest is null)
        {
            return string.Empty;
        }

        if (summary.Trend is not { } trend)
        {
            return texts["Trend_Single"];
        }

        var change = (trend.Change > 0 ? "+" : string.Empty) + Number(trend.Change, culture) + " " + (markdown ? CardText.EscapeMarkdown(summary.Indicator.Unit) : summary.Indicator.Unit);
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

    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,0.##", culture);

    // The text alternative of a PNG chart: its title and every figure it draws, so that nothing is only in the image.
    private string AltText(string title, IEnumerable<(string Label, string Value)> rows) =>
        texts["Chart_AltText", title, string.Join(texts["Chart_AltTextSeparator"].Value, rows.Select(row => texts["Chart_AltTextRow", row.Label, row.Value].Value))];

    public static string WithUnit(decimal value, Indicator indicator, CultureInfo culture) => $"{Number(value, culture)} {indicator.Unit}";

    private static string Percent(decimal value, CultureInfo culture) =>
        value.ToString("+0.0;-0.0;0.0", culture) + (culture.TwoLetterISOLanguageName == "fr" ? "\u00A0%" : "%");

    private string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : string.Join(", ", list[..^1]) + texts["List_And"].Value + list[^1];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
