using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.export`: registrants as CSV, and as a spreadsheet with one sheet per commune, behind download links.</summary>
public sealed class ExportLab(LabBook book, ExportHandout handout, LinkValidity validity, IStringLocalizer<LabsTexts> texts, ILogger<ExportLab> logger) : ICardActionHandler
{
    public const string Verb = "labs.export";

    private static readonly string[] Header = ["commune", "nom", "statut", "position_attente", "inscrit_le", "presence"];

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var labId = CardData.Read<LabIdData>(data, turn.CardInputs).LabId;
        if (await book.FindAsync(labId, cancellationToken) is null)
        {
            LabsLog.Refused(logger, "export", labId, turn.User.AadObjectId, "unknown lab");
            return Reply.WithText(texts["Lab_Unknown"]);
        }

        var lab = await book.TakeInAsync(labId, cancellationToken: cancellationToken);
        LabsLog.StaffAction(logger, lab.Id, "export", turn.User.AadObjectId);
        return await handout.ReplyAsync(
            turn,
            Files(lab),
            links => texts["Export_Ready", CardText.EscapeMarkdown(lab.Details.Title), links[0].Url, links[1].Url, validity.Of(links[0])],
            Verb,
            new LabIdData(lab.Id),
            cancellationToken);
    }

    /// <summary>The registrants as CSV and as a spreadsheet with one sheet per commune (also what the dashboard tab offers).</summary>
    public static IReadOnlyList<ExportedFile> Files(Lab lab) =>
    [
        new ExportedFile(ExportContent.PersonalData, $"seminaire-{lab.Id}.csv", ExportTable.CsvContentType, ToCsv(lab)),
        new ExportedFile(ExportContent.PersonalData, $"seminaire-{lab.Id}.xlsx", ExportTable.SpreadsheetContentType, ToSpreadsheet(lab)),
    ];

    private static IEnumerable<TableCell[]> Rows(Lab lab) =>
        lab.Registrations
            .Where(registration => registration.IsActive)
            .OrderBy(registration => registration.Commune, StringComparer.Create(BelgianTime.French, ignoreCase: true))
            .ThenBy(registration => registration.Ordinal)
            .Select(registration => new TableCell[]
            {
                registration.Commune,
                registration.Name,
                registration.Status == SeatStatus.Confirmed ? "inscrit" : "liste d'attente",
                lab.StandingOf(registration.AadObjectId)?.Position,
                BelgianTime.ToBrussels(registration.ReceivedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                registration.Attended switch { true => "present", false => "absent", null => string.Empty },
            });

    private static byte[] ToCsv(Lab lab) => Table(Rows(lab)).ToCsv();

    /// <summary>One sheet per commune (a sheet « inscrits » with the header alone when nobody is registered).</summary>
    private static byte[] ToSpreadsheet(Lab lab)
    {
        var sheets = Rows(lab)
            .GroupBy(row => row[0].Text ?? string.Empty, StringComparer.Ordinal)
            .Select(commune => KeyValuePair.Create(commune.Key, Table(commune)))
            .ToList();
        return ExportTable.ToSpreadsheet(sheets.Count > 0 ? sheets : [KeyValuePair.Create("inscrits", Table([]))]);
    }

    private static ExportTable Table(IEnumerable<TableCell[]> rows)
    {
        var table = new ExportTable(Header);
        foreach (var row in rows)
        {
            table.Add(row);
        }

        return table;
    }
}
