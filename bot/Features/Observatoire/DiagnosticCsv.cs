using System.Globalization;
using System.Text;
using BepBot.Platform.Territory;
using CsvHelper;

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
        var numbers = french ? CultureInfo.GetCultureInfo("fr-BE") : CultureInfo.InvariantCulture;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { Separator = french ? ';' : ',' }))
        {
            writer.WriteRecord(Header);
            foreach (var indicator in data.Indicators)
            {
                var series = data.Series(commune.Name, indicator.Key);
                var rows = series.Count == 0 ? [new YearValue(0, 0)] : series;
                foreach (var point in rows)
                {
                    var hasValue = series.Count > 0;
                    var comparison = hasValue ? ObservatoireStatistics.Compare(data, commune.Name, indicator.Key, point.Year) : null;
                    writer.WriteRecord(
                    [
                        commune.Name,
                        CommuneCodes.Of(commune),
                        commune.Bassin.ShortName,
                        indicator.Name,
                        hasValue ? point.Year.ToString(CultureInfo.InvariantCulture) : string.Empty,
                        hasValue ? Plain(point.Value, numbers) : string.Empty,
                        indicator.Unit,
                        comparison?.BassinMedian is { } bassin ? Plain(bassin, numbers) : string.Empty,
                        comparison?.TerritoryMedian is { } territory ? Plain(territory, numbers) : string.Empty,
                        comparison is null ? string.Empty : comparison.Rank.ToString(CultureInfo.InvariantCulture),
                        comparison is null ? string.Empty : $"{comparison.BassinWithValue}/{comparison.BassinSize}",
                        indicator.Source,
                        indicator.DataSetName,
                        indicator.Version.ToString(CultureInfo.InvariantCulture),
                        indicator.ImportedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        indicator.IsDemo ? (french ? "oui" : "yes") : (french ? "non" : "no"),
                    ]);
                }
            }
        }

        // A BOM so that Excel opens the accents correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // No grouping: a spreadsheet reads "12345,5", not "12 345,5".
    private static string Plain(decimal value, CultureInfo numbers) => value.ToString("0.####", numbers);
}
