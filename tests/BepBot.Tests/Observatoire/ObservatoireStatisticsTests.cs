using BepBot.Features.Observatoire;
using BepBot.Platform.Territory;

namespace BepBot.Tests.Observatoire;

/// <summary>Medians, ranks and trends on a small known data set (Dinant-Meuse-Condroz has 13 communes).</summary>
public sealed class ObservatoireStatisticsTests
{
    private static readonly DateTimeOffset Imported = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ObservatoireData Data(params Observation[] rows) =>
        new([new DataSetVersion("test", 1, "test", Imported, "test", "test.csv", false, rows)]);

    private static Observation Row(string commune, int year, decimal value, string indicator = "Population") =>
        new(commune, indicator, year, value, "habitants", "Statbel");

    private static readonly ObservatoireData Known = Data(
        Row("Ciney", 2020, 100), Row("Ciney", 2022, 110), Row("Ciney", 2024, 120),
        Row("Dinant", 2024, 130),
        Row("Yvoir", 2024, 90),
        Row("Hamois", 2024, 120),
        Row("Namur", 2024, 1000),
        Row("Couvin", 2024, 10));

    [Fact]
    public void Summarize_KnownSet_MedianRankAndTrend()
    {
        var summary = ObservatoireStatistics.Summarize(Known, "Ciney", Known.FindIndicator("population")!);

        summary.Latest.ShouldBe(new YearValue(2024, 120));
        summary.Series.Select(point => point.Year).ShouldBe([2020, 2022, 2024]);
        summary.Trend.ShouldBe(new Trend(new YearValue(2020, 100), new YearValue(2024, 120), 20, 20, TrendDirection.Up));
        // Bassin in 2024: 90, 120, 120, 130 → median 120; Ciney ties with Hamois, behind Dinant.
        summary.Comparison.ShouldBe(new Comparison(2024, 120, 4, 13, 120, 6, 40, 2));
    }

    [Fact]
    public void Summarize_CommuneWithoutValue_NoLatestNoComparisonNeverZero()
    {
        var summary = ObservatoireStatistics.Summarize(Known, "Houyet", Known.FindIndicator("population")!);

        summary.HasValue.ShouldBeFalse();
        summary.Latest.ShouldBeNull();
        summary.Trend.ShouldBeNull();
        summary.Comparison.ShouldBeNull();
    }

    [Fact]
    public void Compare_OtherBassin_OnlyItsCommunesCount()
    {
        var comparison = ObservatoireStatistics.Compare(Known, "Namur", "population", 2024)!;

        comparison.BassinWithValue.ShouldBe(1);
        comparison.BassinSize.ShouldBe(16);
        comparison.BassinMedian.ShouldBe(1000);
        comparison.Rank.ShouldBe(1);
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void Median_OddAndEven(double[] values, double expected) =>
        ObservatoireStatistics.Median([.. values.Select(value => (decimal)value)]).ShouldBe((decimal)expected);

    [Fact]
    public void Median_Nothing_Null() => ObservatoireStatistics.Median([]).ShouldBeNull();

    [Fact]
    public void Rank_Ties_ShareTheRank()
    {
        decimal[] values = [50, 40, 40, 10];

        values.Select(value => ObservatoireStatistics.Rank(value, values)).ShouldBe([1, 2, 2, 4]);
    }

    [Fact]
    public void TrendOf_DownStableAndFromZero()
    {
        ObservatoireStatistics.TrendOf([new(2019, 200), new(2024, 150)])!.Direction.ShouldBe(TrendDirection.Down);
        ObservatoireStatistics.TrendOf([new(2019, 1000), new(2024, 1004)])!.Direction.ShouldBe(TrendDirection.Stable);
        var fromZero = ObservatoireStatistics.TrendOf([new(2019, 0), new(2024, 5)])!;
        fromZero.ChangePercent.ShouldBeNull();
        fromZero.Direction.ShouldBe(TrendDirection.Up);
        ObservatoireStatistics.TrendOf([new(2024, 5)]).ShouldBeNull();
    }

    [Fact]
    public void Data_SameIndicatorInTwoDataSets_LatestImportSuppliesAllOfIt()
    {
        var older = new DataSetVersion("a", 1, "a", Imported, "x", "a.csv", true, [Row("Ciney", 2023, 1), Row("Dinant", 2023, 2)]);
        var newer = new DataSetVersion("b", 3, "b", Imported.AddDays(1), "x", "b.csv", false, [Row("Ciney", 2024, 5)]);

        var data = new ObservatoireData([newer, older]);

        data.Indicators.Single().DataSetId.ShouldBe("b");
        data.Indicators.Single().IsDemo.ShouldBeFalse();
        data.Series("Dinant", "population").ShouldBeEmpty();
        data.Series("Ciney", "population").ShouldBe([new YearValue(2024, 5)]);
    }

    [Fact]
    public void CommuneCodes_FortyDistinctCodes_ForTheFortyCommunes()
    {
        CommuneCodes.ByCommune.Count.ShouldBe(40);
        CommuneCodes.ByCommune.Values.Distinct().Count().ShouldBe(40);
        CommuneCodes.ByCommune.Keys.Order().ShouldBe(BepBot.Platform.Territory.TerritoryMap.Communes.Select(commune => commune.Name).Order());
        CommuneCodes.Find("92094")!.Name.ShouldBe("Namur");
        CommuneCodes.Find("91034")!.Name.ShouldBe("Dinant");
        CommuneCodes.Find("91030")!.Name.ShouldBe("Ciney");
        CommuneCodes.Find("92142")!.Name.ShouldBe("Gembloux");
        CommuneCodes.Find("92003")!.Name.ShouldBe("Andenne");
        CommuneCodes.Find("99999").ShouldBeNull();
    }
}
