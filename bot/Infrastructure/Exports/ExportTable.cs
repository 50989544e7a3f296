using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace BepBot.Infrastructure.Exports;

/// <summary>
/// The one writer of the CSV files and spreadsheets the bot hands out: rows of text and numbers, written as CSV (UTF-8
/// with a BOM, so that Excel opens the accents correctly) or as an .xlsx. Text that a spreadsheet would run as a
/// formula (starting with = + - @, a tab or a carriage return) is always neutralised with a leading apostrophe, in
/// both formats: names and questions come from people and imported rosters. There is no way to turn it off.
/// </summary>
public sealed class ExportTable
{
    // Properties, not constants, so that callers do not copy the literals (OneExportWriterTests looks for them).
    public static string CsvContentType { get; } = "text/csv; charset=utf-8";

    public static string SpreadsheetContentType { get; } = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // No grouping, no exponent, no trailing zeros: a spreadsheet reads "12345,5" as a number, not "12 345,50".
    private const string NumberFormat = "0.############################";

    private static readonly CsvWriterOptions Neutralising = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    private readonly List<TableCell[]> _rows = [];

    public ExportTable(params string[] header)
    {
        ArgumentOutOfRangeException.ThrowIfZero(header.Length);
        Header = header;
    }

    public IReadOnlyList<string> Header { get; }

    public ExportTable Add(params TableCell[] row)
    {
        if (row.Length != Header.Count)
        {
            throw new ArgumentException($"A row has {row.Length} cells; the table has {Header.Count} columns.", nameof(row));
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>The table as CSV; <paramref name="numbers"/> formats the numbers (fr-BE with ';' for Excel in Belgium).</summary>
    public byte[] ToCsv(char separator = ',', CultureInfo? numbers = null)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, Neutralising with { Separator = separator, FormatProvider = numbers ?? CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            writer.WriteRecord([.. Header]);
            foreach (var row in _rows)
            {
                foreach (var cell in row)
                {
                    if (cell.Number is { } number)
                    {
                        writer.WriteField(number, NumberFormat);
                    }
                    else
                    {
                        writer.WriteField(cell.Text ?? string.Empty);
                    }
                }

                writer.EndRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>The tables as one .xlsx, a sheet each, in the order given; sheet names as Excel allows them.</summary>
    public static byte[] ToSpreadsheet(IEnumerable<KeyValuePair<string, ExportTable>> sheets)
    {
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, table) in sheets)
        {
            IEnumerable<TableCell[]> rows = table._rows.Count > 0 ? table._rows : [new TableCell[table.Header.Count]];
            workbook[SheetName(name)] = rows
                .Select(row => table.Header.Zip(row).ToDictionary(pair => pair.First, pair => SpreadsheetValue(pair.Second), StringComparer.Ordinal))
                .ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    // MiniExcel writes a string as a text cell (t="str", no formula), which Excel shows as text; it is neutralised all the
    // same, as in the CSV, so that editing the cell or saving the sheet as CSV does not turn it into a formula.
    private static object SpreadsheetValue(TableCell cell) =>
        cell.Number is { } number ? number : Neutralised(cell.Text ?? string.Empty);

    /// <summary>
    /// A text cell of a CSV file the bot wrote, read back as it was before it was neutralised (the apostrophe before
    /// = + - @, a tab or a carriage return dropped), so that a file exported then imported again reads the same.
    /// </summary>
    public static string Restored(string cell)
    {
        var escape = $"{Neutralising.InjectionEscape}";
        return cell.Length > escape.Length && cell.StartsWith(escape, StringComparison.Ordinal) && Neutralising.InjectionCharacters.Contains(cell[escape.Length], StringComparison.Ordinal)
            ? cell[escape.Length..]
            : cell;
    }

    private static string Neutralised(string text) =>
        text.Length > 0 && Neutralising.InjectionCharacters.Contains(text[0], StringComparison.Ordinal) ? Neutralising.InjectionEscape + text : text;

    // Excel: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var cleaned = new string([.. name.Select(character => ":\\/?*[]".Contains(character, StringComparison.Ordinal) ? '-' : character)]);
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
