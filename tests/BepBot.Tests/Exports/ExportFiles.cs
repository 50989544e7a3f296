using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BepBot.Tests.Harness;
using CsvHelper;

namespace BepBot.Tests.Exports;

/// <summary>The files behind the links the bot replies with, read as a spreadsheet application would read them.</summary>
internal static partial class ExportFiles
{
    private static readonly XNamespace Spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The download links of a reply's Markdown (« [télécharger le CSV](http://…) »), in order.</summary>
    public static IReadOnlyList<Uri> LinksIn(string text) =>
        [.. MarkdownLink().Matches(text).Select(match => new Uri(match.Groups[1].Value)).Distinct()];

    public static Task<HttpResponseMessage> GetAsync(TeamsClient teams, Uri link) => teams.Http.GetAsync(link.PathAndQuery);

    public static async Task<byte[]> DownloadAsync(TeamsClient teams, Uri link)
    {
        using var response = await GetAsync(teams, link);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every record of a CSV file, header first.</summary>
    public static List<string[]> ReadCsv(byte[] file, char separator = ',')
    {
        var text = System.Text.Encoding.UTF8.GetString(file).TrimStart('\uFEFF');
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, Separator = separator });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return records;
    }

    /// <summary>What a spreadsheet would run as a formula when it opens the file (OWASP's list, as CsvHelper's).</summary>
    public static bool LooksLikeAFormula(string cell) => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal);

    /// <summary>
    /// Every cell of every sheet of an .xlsx as the XML says it: its type (t), whether it holds a formula (an f element),
    /// and its text, shared strings resolved.
    /// </summary>
    public static List<(string? Type, bool HasFormula, string Text)> SpreadsheetCells(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } sharedEntry
            ? Load(sharedEntry).Descendants(Spreadsheet + "si").Select(item => string.Concat(item.Descendants(Spreadsheet + "t").Select(text => text.Value))).ToList()
            : [];
        return [.. zip.Entries
            .Where(entry => entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .SelectMany(entry => Load(entry).Descendants(Spreadsheet + "c"))
            .Select(cell =>
            {
                var type = (string?)cell.Attribute("t");
                var value = (string?)cell.Element(Spreadsheet + "v") ?? string.Concat(cell.Descendants(Spreadsheet + "t").Select(text => text.Value));
                return (type, cell.Element(Spreadsheet + "f") is not null, type == "s" ? shared[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)] : value);
            })];
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    [GeneratedRegex(@"\]\((https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
