using System.Globalization;
using BepBot.Infrastructure.Exports;
using BepBot.Platform.Territory;

namespace BepBot.Features.Observatoire;

/// <summary>
/// A commune's diagnostic as CSV for a council meeting: one row per indicator and year, with the bassin's and the
/// 40 communes' medians and the rank of that year. In French, semicolons and decimal commas, as Excel expects in
/// Belgium; in English, commas and decimal points. Empty cells where a figure is missing, never zero.
/// </summary>
public static class DiagnosticCsv
{
    public static readonly string[] Header =
    [
        "commune", "code_ins", "bassin", "indicateur", "annee", "valeur", "unite", "mediane_bassin", "mediane_40_communes",
        "rang_bassin", "communes_du_bassin_avec_valeur", "source", "jeu_de_donnees", "version", "importe_le", "donnees_de_demonstration",
    ];

    public static byte[] Write(ObservatoireData data, Commune commune, CultureInfo culture)
    {
        var french = culture.TwoLetterISOLanguageName == "fr";
        var table = new ExportTable(Header);
        foreach (var indicator in data.Indicators)
        {
            var series = data.Series(commune.Name, indicator.Key);
            var rows = series.Count == 0 ? [new YearValue(0, 0)] : series;
            foreach (var point in rows)
            {
                var hasValue = series.Count > 0;
                var comparison = hasValue ? ObservatoireStatistics.Compare(data, commune.Name, indicator.Key, point.Year) : null;
                table.Add(
                    commune.Name,
                    CommuneCodes.Of(commune),
                    commune.Bassin.ShortName,
                    indicator.Name,
                    hasValue ? point.Year : TableCell.Empty,
                    hasValue ? Rounded(point.Value) : null,
                    indicator.Unit,
                    Rounded(comparison?.BassinMedian),
                    Rounded(comparison?.TerritoryMedian),
                    comparison?.Rank,
                    comparison is null ? string.Empty : $"{comparison.BassinWithValue}/{comparison.BassinSize}",
                    indicator.Source,
                    indicator.DataSetName,
                    indicator.Version,
                    indicator.ImportedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    indicator.IsDemo ? (french ? "oui" : "yes") : (french ? "non" : "no"));
            }
        }

        return french ? table.ToCsv(';', CultureInfo.GetCultureInfo("fr-BE")) : table.ToCsv();
    }

    // Four decimals are more than any indicator has; a median of an even count may have more.
    private static decimal? Rounded(decimal? value) => value is { } figure ? Math.Round(figure, 4, MidpointRounding.AwayFromZero) : null;
}
