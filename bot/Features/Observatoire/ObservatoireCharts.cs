using System.Globalization;
using ScottPlot;

namespace BepBot.Features.Observatoire;

/// <summary>
/// PNG charts for Teams' narrow chat column: 360 px wide (the card scales them down, never up), large fonts, few ticks.
/// No series is told from another by its colour alone (WCAG 1.4.1): each has its own marker and line pattern, a line
/// carries its commune's name at its end, the highlighted bar its mark in the label, and bars their value.
/// Pure: figures in, bytes out.
/// </summary>
public static class ObservatoireCharts
{
    public const int Width = 360;

    private static readonly Color CommuneColor = Color.FromHex("#0F6CBD");
    private static readonly Color OtherColor = Color.FromHex("#A0AEC0");
    private static readonly Color MedianColor = Color.FromHex("#C4314B");

    /// <summary>The commune's figures over the years, with the bassin's median of each year dashed beside them.</summary>
    public static byte[] Trend(string title, IReadOnlyList<YearValue> commune, string communeLabel, IReadOnlyList<YearValue> bassinMedian, string medianLabel, CultureInfo culture)
    {
        var plot = NewPlot(title);
        if (bassinMedian.Count > 0)
        {
            var median = plot.Add.Scatter(bassinMedian.Select(point => (double)point.Year).ToArray(), bassinMedian.Select(point => (double)point.Value).ToArray());
            median.Color = MedianColor;
            median.LinePattern = LinePattern.Dashed;
            median.MarkerShape = MarkerShape.FilledSquare;
            median.MarkerSize = 6;
            median.LegendText = medianLabel;
        }

        var line = plot.Add.Scatter(commune.Select(point => (double)point.Year).ToArray(), commune.Select(point => (double)point.Value).ToArray());
        line.Color = CommuneColor;
        line.LineWidth = 3;
        line.MarkerSize = 7;
        line.LegendText = communeLabel;

        return OverTheYears(plot, commune.Concat(bassinMedian).Select(point => point.Year), culture);
    }

    /// <summary>
    /// Horizontal bars: every commune of the bassin that has a value that year, each with its value; the commune in
    /// colour and named <paramref name="highlightedLabel"/> (« Ciney ◀ »), the median as a dashed line named <paramref name="medianLabel"/>.
    /// </summary>
    public static byte[] Comparison(string title, IReadOnlyList<(string Commune, decimal Value)> values, string highlighted, string highlightedLabel, decimal? median, string medianLabel, CultureInfo culture)
    {
        var plot = NewPlot(title);
        var ordered = values.OrderBy(entry => entry.Value).ToList();
        var bars = ordered.Select((entry, i) => new Bar
        {
            Position = i,
            Value = (double)entry.Value,
            FillColor = entry.Commune == highlighted ? CommuneColor : OtherColor,
            LineWidth = 0,
            Label = Compact((double)entry.Value, culture),
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        if (median is { } m)
        {
            var line = plot.Add.VerticalLine((double)m, 2, MedianColor, LinePattern.Dashed);
            line.LabelText = medianLabel;
            line.LabelFontSize = 11;
        }

        plot.Axes.Left.SetTicks([.. ordered.Select((_, i) => (double)i)], [.. ordered.Select(entry => entry.Commune == highlighted ? highlightedLabel : entry.Commune)]);
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickGenerator = CompactTicks(culture, maxTickCount: 4);
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.02, top: 0.02);
        plot.Grid.YAxisStyle.IsVisible = false;
        return plot.GetImageBytes(Width, 60 + (18 * Math.Max(ordered.Count, 3)), ImageFormat.Png);
    }

    /// <summary>Two or three communes over the years, one line each.</summary>
    public static byte[] Lines(string title, IReadOnlyList<(string Commune, IReadOnlyList<YearValue> Series)> communes, CultureInfo culture)
    {
        var plot = NewPlot(title);
        Color[] palette = [CommuneColor, Color.FromHex("#E3008C"), Color.FromHex("#498205")];
        MarkerShape[] markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp];
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];
        var years = new SortedSet<int>();
        foreach (var ((commune, series), i) in communes.Select((entry, i) => (entry, i)))
        {
            if (series.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(series.Select(point => (double)point.Year).ToArray(), series.Select(point => (double)point.Value).ToArray());
            line.Color = palette[i % palette.Length];
            line.MarkerShape = markers[i % markers.Length];
            line.LinePattern = patterns[i % patterns.Length];
            line.LineWidth = 3;
            line.MarkerSize = 8;
            line.LegendText = commune;
            var end = plot.Add.Text(commune, series[^1].Year, (double)series[^1].Value);
            end.LabelFontSize = 11;
            end.LabelFontColor = palette[i % palette.Length];
            end.LabelAlignment = Alignment.LowerRight;
            years.UnionWith(series.Select(point => point.Year));
        }

        return OverTheYears(plot, years, culture);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        // DejaVu Sans ships with Debian and has every French accent; ScottPlot falls back to its default sans font elsewhere.
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        return plot;
    }

    // The axes of a chart over the years: at most five years along the bottom, compact figures up the left, the legend below.
    private static byte[] OverTheYears(Plot plot, IEnumerable<int> years, CultureInfo culture)
    {
        var distinct = years.Distinct().Order().ToList();
        var step = Math.Max(1, (int)Math.Ceiling(distinct.Count / 5.0));
        var shown = distinct.Where((_, i) => i % step == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. shown.Select(year => (double)year)], [.. shown.Select(year => year.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = CompactTicks(culture, maxTickCount: 5);
        plot.Axes.Margins(0.08, 0.15);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 12;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        return plot.GetImageBytes(Width, 260, ImageFormat.Png);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic CompactTicks(CultureInfo culture, int maxTickCount) =>
        new() { LabelFormatter = value => Compact(value, culture), MaxTickCount = maxTickCount };

    // 12 500 → "12,5 k", so that tick labels fit a narrow chart.
    private static string Compact(double value, CultureInfo culture) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", culture) + " M",
        >= 10_000 => (value / 1_000).ToString("0.#", culture) + " k",
        _ => value.ToString("#,0.##", culture),
    };
}
