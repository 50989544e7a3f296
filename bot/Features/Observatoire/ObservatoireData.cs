using BepBot.Infrastructure.Text;

namespace BepBot.Features.Observatoire;

/// <summary>
/// What the Observatoire knows: the current version of every data set, merged. When two data sets carry the same
/// indicator, the one imported last supplies all of it (figures of one indicator never mix two sources).
/// </summary>
public sealed class ObservatoireData
{
    private readonly Dictionary<(string Commune, string Indicator), List<YearValue>> _series;

    public ObservatoireData(IEnumerable<DataSetVersion> currentVersions)
    {
        var owners = new Dictionary<string, DataSetVersion>(StringComparer.Ordinal);
        foreach (var version in currentVersions.OrderBy(version => version.ImportedAt))
        {
            foreach (var key in version.Observations.Select(observation => KeyOf(observation.Indicator)).Distinct())
            {
                owners[key] = version;
            }
        }

        _series = [];
        var indicators = new List<Indicator>();
        foreach (var (key, version) in owners)
        {
            var rows = version.Observations.Where(observation => KeyOf(observation.Indicator) == key).ToList();
            foreach (var row in rows)
            {
                if (!_series.TryGetValue((row.Commune, key), out var series))
                {
                    _series[(row.Commune, key)] = series = [];
                }

                series.Add(new YearValue(row.Year, row.Value));
            }

            indicators.Add(new Indicator(
                key,
                rows[0].Indicator,
                rows[0].Unit,
                string.Join(" ; ", rows.Select(row => row.Source).Distinct(StringComparer.Ordinal)),
                version.DataSetId,
                version.Name,
                version.Version,
                version.ImportedAt,
                version.IsDemo,
                [.. rows.Select(row => row.Year).Distinct().Order()]));
        }

        foreach (var series in _series.Values)
        {
            series.Sort((a, b) => a.Year.CompareTo(b.Year));
        }

        Indicators = [.. indicators.OrderBy(indicator => indicator.Name, StringComparer.Create(Infrastructure.Time.BelgianTime.French, ignoreCase: true))];
    }

    public static ObservatoireData Empty { get; } = new([]);

    public IReadOnlyList<Indicator> Indicators { get; }

    public bool IsEmpty => Indicators.Count == 0;

    public static string KeyOf(string indicatorName) => TextFolding.Fold(indicatorName);

    public Indicator? FindIndicator(string? nameOrKey) =>
        Indicators.FirstOrDefault(indicator => indicator.Key == KeyOf(nameOrKey ?? string.Empty));

    /// <summary>The commune's figures for the indicator, oldest year first; empty when it has none.</summary>
    public IReadOnlyList<YearValue> Series(string commune, string indicatorKey) =>
        _series.TryGetValue((commune, indicatorKey), out var series) ? series : [];

    public decimal? Value(string commune, string indicatorKey, int year) =>
        Series(commune, indicatorKey).FirstOrDefault(point => point.Year == year)?.Value;
}
