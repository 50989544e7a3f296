using System.Text.Json.Nodes;

namespace BepBot.Tests.Cards;

public sealed class ChartChecksTests
{
    private const string Fallback = """{ "type": "FactSet", "facts": [ { "title": "Pour", "value": "3" } ] }""";

    private static JsonObject Card(string chart) =>
        JsonNode.Parse($$"""{ "type": "AdaptiveCard", "version": "1.5", "body": [ {{chart}} ] }""")!.AsObject();

    [Theory]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "showBarValues": true, "xAxisTitle": "Choix", "yAxisTitle": "Voix", "color": "good", "data": [ { "x": "Pour", "y": 3 } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.VerticalBar.Grouped", "title": "Participation", "stacked": true, "showBarValues": true, "colorSet": "categorical", "data": [ { "legend": "Ont voté", "color": "good", "values": [ { "x": "Namur", "y": 12 } ] } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.HorizontalBar", "title": "Population", "displayMode": "AbsoluteWithAxis", "data": [ { "x": "Ciney", "y": 16000.5, "color": "categoricalBlue" } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.HorizontalBar.Stacked", "title": "Réponses", "data": [ { "title": "12 mars", "data": [ { "legend": "Oui", "value": 9, "color": "good" } ] } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.Line", "title": "Tendance", "xAxisTitle": "Année", "data": [ { "legend": "Ciney", "values": [ { "x": 2019, "y": 1 }, { "x": "2020", "y": 2 } ] } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.Donut", "title": "Places", "data": [ { "legend": "Confirmées", "value": 12, "color": "good" } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.Pie", "title": "Places", "data": [ { "legend": "Libres", "value": 3 } ], "fallback": {{Fallback}} }""")]
    [InlineData($$"""{ "type": "Chart.Gauge", "title": "Quorum", "value": 23, "max": 40, "valueFormat": "Fraction", "segments": [ { "legend": "Présentes", "size": 23, "color": "good" } ], "fallback": {{Fallback}} }""")]
    public void Check_DocumentedChart_FindsNoProblem(string chart) =>
        CardChecks.Check(Card(chart)).ShouldBeEmpty();

    [Theory]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "barWidth": 3, "data": [ { "x": "Pour", "y": 3 } ], "fallback": {{Fallback}} }""", "$.body[0].barWidth: not a documented property")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "fallback": {{Fallback}} }""", "$.body[0]: Chart.VerticalBar needs \"data\"")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [], "fallback": {{Fallback}} }""", "$.body[0].data: expected a non-empty array")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "x": "Pour", "y": "3" } ], "fallback": {{Fallback}} }""", "$.body[0].data[0].y: expected Number")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "x": "Pour" } ], "fallback": {{Fallback}} }""", "$.body[0].data[0]: needs \"y\"")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "legend": "Pour", "value": 3 } ], "fallback": {{Fallback}} }""", "$.body[0].data[0].legend: not a documented property")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "title": "Voix", "color": "#00FF00", "data": [ { "x": "Pour", "y": 3 } ], "fallback": {{Fallback}} }""", "$.body[0].color: \"#00FF00\" is not one of")]
    [InlineData($$"""{ "type": "Chart.Line", "title": "Tendance", "data": [ { "legend": "Ciney", "values": [ { "x": 2019 } ] } ], "fallback": {{Fallback}} }""", "$.body[0].data[0].values[0]: needs \"y\"")]
    [InlineData($$"""{ "type": "Chart.HorizontalBar.Stacked", "title": "Réponses", "data": [ { "title": "12 mars", "data": [ { "legend": "Oui", "size": 9 } ] } ], "fallback": {{Fallback}} }""", "$.body[0].data[0].data[0].size: not a documented property")]
    [InlineData($$"""{ "type": "Chart.Bar", "title": "Voix", "data": [ { "x": "Pour", "y": 3 } ], "fallback": {{Fallback}} }""", "$.body[0]: unknown chart type \"Chart.Bar\"")]
    [InlineData("""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "x": "Pour", "y": 3 } ] }""", "$.body[0]: Chart.VerticalBar needs a fallback element")]
    [InlineData("""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "x": "Pour", "y": 3 } ], "fallback": "drop" }""", "$.body[0]: Chart.VerticalBar needs a fallback element")]
    [InlineData("""{ "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "x": "Pour", "y": 3 } ], "fallback": { "type": "Chart.Pie", "data": [ { "legend": "Pour", "value": 3 } ] } }""", "$.body[0].fallback: a chart's fallback must not be another chart")]
    [InlineData($$"""{ "type": "Chart.VerticalBar", "data": [ { "x": "Pour", "y": 3 } ], "fallback": {{Fallback}} }""", "$.body[0]: Chart.VerticalBar needs \"title\"")]
    [InlineData($$"""{ "type": "Container", "items": [ { "type": "Chart.Donut", "title": "Places", "colorSet": "rainbow", "data": [ { "legend": "Libres", "value": 3 } ], "fallback": {{Fallback}} } ] }""", "$.body[0].items[0].colorSet: \"rainbow\" is not one of")]
    public void Check_BadChart_ReportsProblem(string chart, string problem)
    {
        var problems = CardChecks.Check(Card(chart));

        problems.ShouldContain(p => p.Contains(problem, StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Fact]
    public void WithFallbacks_ChartAnywhere_ReplacedByItsFallback()
    {
        var card = Card($$"""{ "type": "Container", "items": [ { "type": "Chart.Pie", "title": "Places", "data": [ { "legend": "Libres", "value": 3 } ], "fallback": {{Fallback}} } ] }""");

        var shown = ChartChecks.WithFallbacks(card);

        shown["body"]![0]!["items"]![0]!.ToJsonString().ShouldBe(JsonNode.Parse(Fallback)!.ToJsonString());
        ((string?)card["body"]![0]!["items"]![0]!["type"]).ShouldBe("Chart.Pie", "the card itself is left as it was");
    }
}
