using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire.Dashboard;

/// <summary>
/// « Observatoire » in the staff tab: the 40 communes to choose from, then a commune's diagnostic (the chat's figures:
/// latest value, trend, rank and medians) and the charts of one indicator, each with the exact values it draws: its
/// trend beside the bassin's median, its place among the bassin's communes, and beside the bassin and the province.
/// </summary>
public sealed partial class ObservatoireBoard(DataSetStore dataSets, ObservatoireCards cards, IStringLocalizer<ObservatoireTexts> texts, ILogger<ObservatoireBoard> logger) : IDashboardPage
{
    public const string PageName = "observatoire";

    public string Name => PageName;

    public int MenuOrder => 70;

    public string Title => texts["Board_Title"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public static string LinkTo(Commune commune, string? indicatorKey = null) =>
        indicatorKey is null
            ? $"{PageName}?commune={Uri.EscapeDataString(commune.Name)}"
            : $"{PageName}?commune={Uri.EscapeDataString(commune.Name)}&indicator={Uri.EscapeDataString(indicatorKey)}";

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        if (request["commune"] is not { } asked)
        {
            return new DashboardView(Title, [Communes()]);
        }

        if (CommuneCodes.Find(asked) is not { } commune)
        {
            LogUnknownCommune(logger, request.User.AadObjectId);
            return new DashboardView(Title, [new FactsBlock(texts["Board_UnknownTitle"], [], texts["Board_UnknownCommune", CommuneArgument.Shorten(asked)]), Communes()], Back: PageName);
        }

        var data = await dataSets.LoadAsync(cancellationToken);
        if (data.IsEmpty)
        {
            return new DashboardView(texts["Diag_Title", commune.Name], [new FactsBlock(texts["Diag_Title", commune.Name], [], texts["Board_Empty"])], Back: PageName);
        }

        return Diagnostic(data, commune, request["indicator"]);
    }

    private TableBlock Communes() => new(
        texts["Board_ChooseCommune"],
        [new TableColumn("commune", texts["Chart_CommuneAxis"]), new TableColumn("code", texts["Board_Column_Code"])],
        [.. TerritoryMap.Communes.Select(commune => new TableRow(
            commune.Name,
            new Dictionary<string, DashboardCell> { ["commune"] = commune.Name, ["code"] = CommuneCodes.Of(commune) },
            Link: LinkTo(commune),
            Group: commune.Bassin.Name))],
        texts["Board_UnknownTitle"]);

    private DashboardView Diagnostic(ObservatoireData data, Commune commune, string? indicatorKey)
    {
        var culture = CultureInfo.CurrentUICulture;
        var summaries = data.Indicators.Select(indicator => ObservatoireStatistics.Summarize(data, commune.Name, indicator)).ToList();
        List<DashboardBlock> blocks =
        [
            new FactsBlock(
                texts["Board_CommuneHeading"],
                [new Fact(texts["Board_Bassin"], commune.Bassin.Name), new Fact(texts["Board_Column_Code"], CommuneCodes.Of(commune))],
                data.Indicators.Any(indicator => indicator.IsDemo) ? $"{texts["Diag_Intro"]} {texts["Demo_Notice"]}" : texts["Diag_Intro"]),
            Indicators(commune, summaries, culture),
        ];
        var selected = ObservatoireCards.Pick(summaries, indicatorKey);
        if (selected is { Latest: not null, Comparison: { } comparison })
        {
            blocks.Add(Trend(data, commune, selected, culture));
            blocks.Add(Bassin(data, commune, selected, comparison, culture));
            blocks.Add(Province(commune, selected, comparison, culture));
        }
        else if (selected is not null)
        {
            blocks.Add(new FactsBlock(texts["Chart_Heading", selected.Indicator.Name], [], texts["Chart_NoValue", commune.Name, selected.Indicator.Name]));
        }

        blocks.Add(new ButtonsBlock(
            texts["Board_ExportHeading"],
            [new DashboardButton(texts["Export_Button"], DownloadDiagnostic.ActionVerb, new JsonObject { ["commune"] = commune.Name })]));
        return new DashboardView(texts["Diag_Title", commune.Name], blocks, Back: PageName);
    }

    private TableBlock Indicators(Commune commune, List<IndicatorSummary> summaries, CultureInfo culture)
    {
        string Median(decimal? median) => median is { } value ? ObservatoireCards.Number(value, culture) : string.Empty;
        var rows = summaries.Select(summary => new TableRow(
            summary.Indicator.Key,
            new Dictionary<string, DashboardCell>
            {
                ["indicator"] = summary.Indicator.Name,
                ["latest"] = summary.Latest is { } latest
                    ? new DashboardCell(ObservatoireCards.WithUnit(latest.Value, summary.Indicator, culture), (double)latest.Value)
                    : new DashboardCell(texts["Diag_NoValue", commune.Name]),
                ["year"] = summary.Latest is { } year ? new DashboardCell(year.Year.ToString(CultureInfo.InvariantCulture), year.Year) : string.Empty,
                ["trend"] = cards.TrendText(summary, culture, markdown: false),
                ["rank"] = summary.Comparison is { } rank ? new DashboardCell(texts["Board_Rank", rank.Rank, rank.BassinWithValue], rank.Rank) : string.Empty,
                ["bassin"] = Median(summary.Comparison?.BassinMedian),
                ["province"] = Median(summary.Comparison?.TerritoryMedian),
            },
            Link: LinkTo(commune, summary.Indicator.Key))).ToList();
        return new TableBlock(
            texts["Board_IndicatorsHeading"],
            [
                new TableColumn("indicator", texts["Compare_Header"]),
                new TableColumn("latest", texts["Board_Column_Latest"], Numeric: true),
                new TableColumn("year", texts["Chart_YearAxis"], Numeric: true),
                new TableColumn("trend", texts["Board_Column_Trend"]),
                new TableColumn("rank", texts["Board_Column_Rank"], Numeric: true),
                new TableColumn("bassin", texts["Chart_MedianLegend"], Numeric: true),
                new TableColumn("province", texts["Board_ProvinceMedian"], Numeric: true),
            ],
            rows,
            texts["Board_Empty"]);
    }

    /// <summary>The commune's figures year by year beside the bassin's median (over the communes with a value that year).</summary>
    private ChartBlock Trend(ObservatoireData data, Commune commune, IndicatorSummary summary, CultureInfo culture)
    {
        var indicator = summary.Indicator;
        var medians = ObservatoireCards.BassinMedians(data, commune, indicator);
        var years = indicator.Years;
        return new ChartBlock(
            texts["Chart_TrendTitle", indicator.Name, commune.Name],
            ChartKind.Line,
            [.. years.Select(year => year.ToString(CultureInfo.InvariantCulture))],
            [Series(commune.Name, years.Select(year => summary.Series.FirstOrDefault(point => point.Year == year)?.Value), indicator, culture),
             Series(texts["Chart_MedianLegend"], years.Select(year => medians.FirstOrDefault(point => point.Year == year)?.Value), indicator, culture)],
            indicator.Unit,
            texts["Source_Line", indicator.Source, Infrastructure.Time.BelgianTime.FormatDate(indicator.ImportedAt, culture), indicator.Version]);
    }

    /// <summary>The bassin's communes that have a value in the commune's latest year, highest first; the commune is named as such.</summary>
    private ChartBlock Bassin(ObservatoireData data, Commune commune, IndicatorSummary summary, Comparison comparison, CultureInfo culture)
    {
        var bars = commune.Bassin.Communes
            .Select(name => (Name: name, Value: data.Value(name, summary.Indicator.Key, comparison.Year)))
            .Where(bar => bar.Value is not null)
            .OrderByDescending(bar => bar.Value)
            .ToList();
        return new ChartBlock(
            texts["Board_BassinChart", summary.Indicator.Name, comparison.Year, commune.Bassin.ShortName],
            ChartKind.Bar,
            [.. bars.Select(bar => bar.Name == commune.Name ? texts["Chart_ThisCommune", bar.Name].Value : bar.Name)],
            [Series(summary.Indicator.Name, bars.Select(bar => bar.Value), summary.Indicator, culture)],
            summary.Indicator.Unit,
            texts["Compare_Bassin", ObservatoireCards.Number(comparison.BassinMedian!.Value, culture), comparison.BassinWithValue, comparison.BassinSize]);
    }

    /// <summary>The commune beside its bassin's median and the median of the 40 communes, in its latest year.</summary>
    private ChartBlock Province(Commune commune, IndicatorSummary summary, Comparison comparison, CultureInfo culture) => new(
        texts["Board_ProvinceChart", summary.Indicator.Name, comparison.Year],
        ChartKind.Bar,
        [commune.Name, texts["Chart_MedianLegend"], texts["Board_ProvinceMedian"]],
        [Series(summary.Indicator.Name, [summary.Latest!.Value, comparison.BassinMedian, comparison.TerritoryMedian], summary.Indicator, culture)],
        summary.Indicator.Unit,
        texts["Compare_Territory", ObservatoireCards.Number(comparison.TerritoryMedian!.Value, culture), comparison.TerritoryWithValue, comparison.TerritorySize]);

    private static ChartSeries Series(string name, IEnumerable<decimal?> values, Indicator indicator, CultureInfo culture)
    {
        var list = values.ToList();
        return new ChartSeries(
            name,
            [.. list.Select(value => value is { } figure ? (double)figure : (double?)null)],
            [.. list.Select(value => value is { } figure ? ObservatoireCards.WithUnit(figure, indicator, culture) : "—")]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: diagnostic asked by {User} for a commune that is not one of the 40")]
    private static partial void LogUnknownCommune(ILogger logger, [PseudonymousId] string user);
}
