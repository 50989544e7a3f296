using System.Globalization;
using BepBot.Infrastructure.Text;
using CsvHelper;

namespace BepBot.Features.Observatoire;

/// <summary>
/// Reads the Observatoire's long format (docs/observatoire.md): one row per commune, indicator and year, with
/// columns commune, indicateur, année, valeur, unité, source; comma, semicolon or tab separated. Every bad row is
/// reported with its line number and why (keys of ObservatoireTexts, Csv_*, worded by whoever shows them); the caller
/// applies nothing unless the whole file is valid.
/// </summary>
public static class ObservatoireCsv
{
    public const int MaxRows = 200_000;

    public const int MaxTextLength = 120;

    public static readonly string[] Columns = ["commune", "indicateur", "année", "valeur", "unité", "source"];

    // English headings too, since the BEP receives files from Statbel and others in both languages.
    private static readonly Dictionary<string, string> HeaderAliases = new(StringComparer.Ordinal)
    {
        ["commune"] = "commune", ["municipality"] = "commune", ["nis"] = "commune", ["ins"] = "commune",
        ["indicateur"] = "indicateur", ["indicator"] = "indicateur",
        ["annee"] = "année", ["year"] = "année",
        ["valeur"] = "valeur", ["value"] = "valeur",
        ["unite"] = "unité", ["unit"] = "unité",
        ["source"] = "source",
    };

    /// <summary>Whether a file's first row is that of a data set: it names the indicator (in French or English).</summary>
    public static bool IsHeader(IReadOnlyList<string> columns) =>
        columns.Any(column => HeaderAliases.TryGetValue(TextFolding.Fold(column), out var known) && known == "indicateur");

    public static ObservatoireCsvResult Parse(string text, int? latestYear = null)
    {
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(new TextKey("Csv_Empty"));
        }

        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true });
        reader.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reader.Headers.Count; i++)
        {
            if (HeaderAliases.TryGetValue(TextFolding.Fold(reader.Headers[i]), out var column))
            {
                index.TryAdd(column, i);
            }
        }

        var missing = Columns.Where(column => !index.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            return Fail(new TextKey("Csv_MissingColumns", string.Join(", ", missing), string.Join(";", Columns), missing.Count));
        }

        var maxYear = latestYear ?? DateTime.UtcNow.Year + 1;
        var errors = new List<CsvLineError>();
        var observations = new List<Observation>();
        var seen = new Dictionary<(string Commune, string Indicator, int Year), long>();
        var units = new Dictionary<string, (string Unit, long Line)>(StringComparer.Ordinal);
        var indicatorNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = 0;
        while (reader.Read())
        {
            var line = reader.LineNumber;
            if (++rows > MaxRows)
            {
                errors.Add(new(line, new TextKey("Csv_TooManyRows", MaxRows)));
                break;
            }

            if (reader.FieldCount != reader.Headers.Count)
            {
                errors.Add(new(line, new TextKey("Csv_ColumnCount", reader.FieldCount, reader.Headers.Count)));
                continue;
            }

            string Field(string column) => reader.GetString(index[column]).Trim();
            var rowErrors = new List<TextKey>();
            var communeText = Field("commune");
            var commune = CommuneCodes.Find(communeText);
            if (commune is null)
            {
                rowErrors.Add(communeText.Length == 0 ? new("Csv_CommuneEmpty") : new("Csv_CommuneUnknown", Shorten(communeText)));
            }

            var indicator = Field("indicateur");
            var indicatorKey = TextFolding.Fold(indicator);
            if (indicator.Length == 0)
            {
                rowErrors.Add(new("Csv_IndicatorEmpty"));
            }
            else if (indicator.Length > MaxTextLength)
            {
                rowErrors.Add(new("Csv_IndicatorTooLong", MaxTextLength));
            }

            var yearText = Field("année");
            var year = 0;
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 1800 || year > maxYear)
            {
                rowErrors.Add(new("Csv_YearInvalid", Shorten(yearText), maxYear));
                year = 0;
            }

            var valueText = Field("valeur");
            var value = ParseNumber(valueText);
            if (value is null)
            {
                rowErrors.Add(valueText.Length == 0 ? new("Csv_ValueEmpty") : new("Csv_ValueNotNumber", Shorten(valueText)));
            }

            var unit = Field("unité");
            if (unit.Length == 0)
            {
                rowErrors.Add(new("Csv_UnitEmpty"));
            }
            else if (unit.Length > MaxTextLength)
            {
                rowErrors.Add(new("Csv_UnitTooLong", MaxTextLength));
            }
            else if (indicatorKey.Length > 0 && units.TryGetValue(indicatorKey, out var first) && first.Unit != unit)
            {
                rowErrors.Add(new("Csv_UnitDiffers", Shorten(unit), first.Unit, first.Line, indicatorNames[indicatorKey]));
            }

            var source = Field("source");
            if (source.Length == 0)
            {
                rowErrors.Add(new("Csv_SourceEmpty"));
            }
            else if (source.Length > MaxTextLength * 2)
            {
                rowErrors.Add(new("Csv_SourceTooLong", MaxTextLength * 2));
            }

            if (commune is not null && indicatorKey.Length > 0 && year > 0)
            {
                if (seen.TryGetValue((commune.Name, indicatorKey, year), out var firstLine))
                {
                    rowErrors.Add(new("Csv_Duplicate", commune.Name, indicator, year, firstLine));
                }
                else
                {
                    seen.Add((commune.Name, indicatorKey, year), line);
                }
            }

            // Taken from the first row that names them, so later rows are checked against it even if that row was bad.
            if (indicatorKey.Length > 0 && indicator.Length <= MaxTextLength)
            {
                indicatorNames.TryAdd(indicatorKey, indicator);
                if (unit.Length is > 0 and <= MaxTextLength)
                {
                    units.TryAdd(indicatorKey, (unit, line));
                }
            }

            if (rowErrors.Count > 0)
            {
                errors.Add(new(line, rowErrors));
                continue;
            }

            observations.Add(new Observation(commune!.Name, indicatorNames[indicatorKey], year, value!.Value, unit, source));
        }

        if (errors.Count == 0 && observations.Count == 0)
        {
            errors.Add(new(2, new TextKey("Csv_NoRows")));
        }

        return new(errors.Count == 0 ? observations : [], errors);
    }

    /// <summary>
    /// A number written the French way (1 234,5) or the English way (1,234.5). With both marks, the last one is the
    /// decimal mark; with a comma only, it is a decimal comma (as Excel writes it in Belgium); spaces group thousands.
    /// </summary>
    public static decimal? ParseNumber(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal)
            .Replace("'", string.Empty, StringComparison.Ordinal);
        if (compact.Length is 0 or > 40)
        {
            return null;
        }

        var comma = compact.LastIndexOf(',');
        var dot = compact.LastIndexOf('.');
        string normalized;
        if (comma >= 0 && dot >= 0)
        {
            var (decimalMark, groupMark) = comma > dot ? (',', '.') : ('.', ',');
            if (compact.Count(c => c == decimalMark) > 1)
            {
                return null;
            }

            normalized = compact.Replace(groupMark.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (comma >= 0)
        {
            if (compact.Count(c => c == ',') > 1)
            {
                return null;
            }

            normalized = compact.Replace(',', '.');
        }
        else
        {
            normalized = compact;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static ObservatoireCsvResult Fail(TextKey reason) => new([], [new CsvLineError(1, reason)]);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
