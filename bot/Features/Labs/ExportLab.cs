using System.Globalization;
using System.Text;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BepBot.Features.Labs;

/// <summary>`labs.export`: registrants as CSV, and as a spreadsheet with one sheet per commune, behind download links.</summary>
public sealed class ExportLab(LabBook book, ExportStore exports, IStringLocalizer<LabsTexts> texts, ILogger<ExportLab> logger) : ICardActionHandler
{
    private static readonly string[] Header = ["commune", "nom", "statut", "position_attente", "inscrit_le", "presence"];

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var labId = CardData.Read<LabIdData>(data).LabId;
        if (await book.FindAsync(labId, cancellationToken) is null)
        {
            LabsLog.Refused(logger, "export", labId, turn.User.AadObjectId, "unknown lab");
            return Reply.WithText(texts["Lab_Unknown"]);
        }

        var lab = await book.TakeInAsync(labId, cancellationToken: cancellationToken);
        var csv = await exports.SaveAsync($"seminaire-{lab.Id}.csv", "text/csv; charset=utf-8", ToCsv(lab), cancellationToken);
        var xlsx = await exports.SaveAsync($"seminaire-{lab.Id}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ToSpreadsheet(lab), cancellationToken);
        LabsLog.StaffAction(logger, lab.Id, "export", turn.User.AadObjectId);
        return Reply.WithText(texts["Export_Ready", CardText.EscapeMarkdown(lab.Details.Title), csv, xlsx]);
    }

    public static IEnumerable<string[]> Rows(Lab lab) =>
        lab.Registrations
            .Where(registration => registration.IsActive)
            .OrderBy(registration => registration.Commune, StringComparer.Create(BelgianTime.French, ignoreCase: true))
            .ThenBy(registration => registration.Ordinal)
            .Select(registration =>
            {
                var standing = lab.StandingOf(registration.AadObjectId);
                return new[]
                {
                    registration.Commune,
                    registration.Name,
                    registration.Status == SeatStatus.Confirmed ? "inscrit" : "liste d'attente",
                    standing?.Position?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    BelgianTime.ToBrussels(registration.ReceivedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    registration.Attended switch { true => "present", false => "absent", null => string.Empty },
                };
            });

    public static byte[] ToCsv(Lab lab)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions()))
        {
            writer.WriteRecord(Header);
            foreach (var row in Rows(lab))
            {
                writer.WriteRecord(row);
            }
        }

        // A BOM so that Excel opens the accents correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToSpreadsheet(Lab lab)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var commune in Rows(lab).GroupBy(row => row[0]))
        {
            sheets[SheetName(commune.Key)] = commune.Select(row => Header.Zip(row).ToDictionary(pair => pair.First, pair => (object)pair.Second)).ToList();
        }

        if (sheets.Count == 0)
        {
            sheets["inscrits"] = new List<Dictionary<string, object>> { Header.ToDictionary(column => column, _ => (object)string.Empty) };
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    // Excel: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string commune)
    {
        var cleaned = new string([.. commune.Select(character => ":\\/?*[]".Contains(character, StringComparison.Ordinal) ? '-' : character)]);
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
