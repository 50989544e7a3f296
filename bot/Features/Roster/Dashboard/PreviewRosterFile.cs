using System.Text;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster.Dashboard;

/// <summary>
/// `roster.import` from the tab: a roster CSV file, checked as the chat checks one sent to it (every bad line by its
/// number), then previewed against the roster as it is now; nothing changes before « Confirmer ».
/// </summary>
public sealed class PreviewRosterFile(
    RosterPreviewView view,
    RosterImportClick click,
    IOptions<FileImportOptions> fileOptions,
    IStringLocalizer<RosterTexts> texts,
    IStringLocalizer<ChatTexts> coreTexts,
    ILogger<PreviewRosterFile> logger) : IDashboardAction
{
    public const string ActionVerb = "roster.import";

    /// <summary>The name the file takes when the tab does not give it.</summary>
    public const string DefaultFileName = "annuaire.csv";

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var form = CardData.Read<RosterFile>(data);
        var fileName = string.IsNullOrWhiteSpace(form.FileName) ? DefaultFileName : form.FileName.Trim();
        var maxMegabytes = fileOptions.Value.MaxMegabytes;
        if (Encoding.UTF8.GetByteCount(form.File) > maxMegabytes * 1024L * 1024L)
        {
            RosterLog.TabRefused(logger, "import", request.User.AadObjectId, "file too large");
            return DashboardActionResult.Refused(coreTexts["File_TooLarge", fileName, maxMegabytes]);
        }

        var parsed = RosterCsv.Parse(form.File);
        if (!parsed.IsValid)
        {
            RosterLog.ImportRejected(logger, fileName, parsed.Errors.Count, request.User.AadObjectId);
            var message = texts["Board_ImportRejected", fileName].Value;
            var culture = System.Globalization.CultureInfo.CurrentUICulture;
            var errors = parsed.Errors.Select(error => new TableRow(
                error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new Dictionary<string, DashboardCell>
                {
                    ["line"] = new(error.Line.ToString(culture), error.Line),
                    ["problem"] = new(error.Describe(texts), Tone: CellTone.Bad),
                })).ToList();
            return new DashboardActionResult(false, message, new DashboardView(
                texts["RosterImport_Title", fileName],
                [
                    new FactsBlock(texts["Board_PreviewHeading"], [], message),
                    new TableBlock(
                        texts["RosterImport_Errors", parsed.Errors.Count],
                        [new TableColumn("line", texts["Board_Column_Line"], Numeric: true), new TableColumn("problem", texts["Board_Column_Problem"])],
                        errors,
                        texts["Board_NobodyHere"]),
                ],
                Back: RosterBoard.PageName));
        }

        var preview = await view.PrepareAsync(request.User, click.TenantOf(request.User), fileName, parsed.Members, cancellationToken);
        return new DashboardActionResult(true, texts["Board_Previewed", fileName], preview);
    }
}
