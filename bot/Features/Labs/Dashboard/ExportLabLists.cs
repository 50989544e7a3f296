using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs.Dashboard;

/// <summary>`labs.export` from the tab: the chat's registrants files (CSV, and a spreadsheet with a sheet per commune), as downloads.</summary>
public sealed class ExportLabLists(LabBook book, ExportHandout handout, IStringLocalizer<LabsTexts> texts, ILogger<ExportLabLists> logger) : IDashboardAction
{
    public const string ActionVerb = "labs.export";

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var labId = CardData.Read<LabIdData>(data).LabId;
        if (await book.FindAsync(labId, cancellationToken) is null)
        {
            LabsLog.Refused(logger, "export", labId, request.User.AadObjectId, "unknown lab");
            return DashboardActionResult.Refused(texts["Lab_Unknown"]);
        }

        var lab = await book.TakeInAsync(labId, cancellationToken: cancellationToken);
        LabsLog.StaffAction(logger, lab.Id, "export", request.User.AadObjectId);
        var files = ExportLab.Files(lab);
        IReadOnlyList<ExportedFile> labelled = [files[0] with { LinkTitle = texts["Board_ExportCsv"] }, files[1] with { LinkTitle = texts["Board_ExportSpreadsheet"] }];
        return await handout.OfferAsync(request.User, labelled, texts["Board_ExportTitle", lab.Details.Title], LabsBoard.LinkTo(lab.Id), cancellationToken);
    }
}
