using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Reachability;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster.Dashboard;

/// <summary>
/// « Annuaire » in the staff tab: who BepBot can reach (the chat's `joignabilité`), every member with the reason when
/// they cannot be reached, the import (a CSV file, previewed and confirmed as in chat) and the export.
/// </summary>
public sealed class RosterBoard(
    RosterDirectory roster,
    ReachabilitySnapshot reachability,
    ReachabilityWording wording,
    RosterReachabilityLines lines,
    IStringLocalizer<RosterTexts> texts,
    IStringLocalizer<ChatTexts> coreTexts) : IDashboardPage
{
    public const string PageName = "roster";

    public string Name => PageName;

    public int MenuOrder => 60;

    public string Title => texts["Board_Title"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken) => ViewAsync(cancellationToken);

    /// <summary>The page as it stands now: also where the import's « Confirmer » and « Annuler » lead back to.</summary>
    public async Task<DashboardView> ViewAsync(CancellationToken cancellationToken)
    {
        var document = await roster.GetAsync(cancellationToken);
        var reading = await reachability.OfAsync(document.Members, cancellationToken);
        var people = reading.People;
        List<DashboardBlock> blocks = [Reach(people, reading.At), Members(people), Import(), Export()];
        if (document.IsDemo)
        {
            blocks.Insert(0, new FactsBlock(texts["Board_Title"], [], texts["Roster_DemoNotice"]));
        }

        return new DashboardView(Title, blocks);
    }

    private FactsBlock Reach(IReadOnlyList<MemberReachability> people, DateTimeOffset readAt)
    {
        var facts = new[] { Role.BepStaff, Role.Bourgmestre, Role.Officer }
            .Select(role => people.Where(reach => reach.Member.Role == role).ToList())
            .Where(group => group.Count > 0)
            .Select(group => new Fact(
                coreTexts.RoleName(group[0].Member.Role),
                lines.ReachableOf(group),
                group.All(reach => reach.IsReachable) ? CellTone.Good : CellTone.Warning))
            .ToList();
        var bourgmestres = lines.UnreachableBourgmestres(people);
        var asOf = texts["Board_ReachAsOf", BelgianTime.FormatTime(readAt, CultureInfo.CurrentUICulture)];
        return new FactsBlock(
            texts["Board_ReachHeading"],
            facts,
            bourgmestres.Length == 0 ? $"{lines.Overall(people)} {asOf}" : $"{lines.Overall(people)} {bourgmestres} {asOf}");
    }

    private TableBlock Members(IReadOnlyList<MemberReachability> people)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = people
            .OrderBy(reach => reach.Member.Role == Role.BepStaff ? 0 : reach.Member.Role == Role.Bourgmestre ? 1 : 2)
            .ThenBy(reach => reach.Member.Name, StringComparer.Create(culture, ignoreCase: true))
            .Select(reach => new TableRow(
                reach.Member.AadObjectId,
                new Dictionary<string, DashboardCell>
                {
                    ["name"] = reach.Member.Name,
                    ["commune"] = reach.Member.Commune ?? string.Empty,
                    ["email"] = reach.Member.Email,
                    ["reach"] = reach.IsReachable
                        ? new DashboardCell(texts["Board_ReachableSince", BelgianTime.FormatDay(reach.Since ?? DateTimeOffset.UtcNow, culture)], Tone: CellTone.Good)
                        : new DashboardCell(texts["Board_Unreachable", wording.Reason(reach)], Tone: CellTone.Warning),
                    ["used"] = reach.LastUsedAt is { } used
                        ? new DashboardCell(BelgianTime.FormatDay(used, culture), used.ToUnixTimeSeconds())
                        : new DashboardCell(texts["Board_NeverUsed"], 0),
                },
                Group: coreTexts.RoleName(reach.Member.Role)))
            .ToList();
        return new TableBlock(
            texts["Board_MembersHeading"],
            [
                new TableColumn("name", texts["Board_Column_Name"]),
                new TableColumn("commune", texts["Board_Column_Commune"]),
                new TableColumn("email", texts["Board_Column_Email"]),
                new TableColumn("reach", texts["Board_Column_Reach"]),
                new TableColumn("used", texts["Board_Column_LastUsed"]),
            ],
            rows,
            texts["Roster_Empty"]);
    }

    private FormBlock Import() => new(
        texts["Board_ImportHeading"],
        PreviewRosterFile.ActionVerb,
        [new FormField("file", texts["Board_ImportFile"], FormFieldKind.File, Required: true, Hint: texts["Board_ImportHint"])],
        texts["Board_ImportSubmit"],
        Text: texts["Board_ImportIntro"]);

    private ButtonsBlock Export() => new(
        texts["Board_ExportHeading"],
        [new DashboardButton(texts["Roster_ExportButton"], DownloadRoster.ActionVerb, new JsonObject())]);
}
