using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster.Dashboard;

/// <summary>
/// The tab's preview of a roster file, from the same <see cref="PreviewRosterImport.PrepareAsync"/> as the chat's card:
/// who is added, who changes and how, who is removed, then « Confirmer » / « Annuler » when there is something to apply.
/// </summary>
public sealed class RosterPreviewView(PreviewRosterImport preview, IStringLocalizer<RosterTexts> texts, IStringLocalizer<ChatTexts> coreTexts)
{
    public async Task<DashboardView> PrepareAsync(ChatUser author, string? authorTenantId, string fileName, IReadOnlyList<Member> rows, CancellationToken cancellationToken)
    {
        var (plan, importId, notice) = await preview.PrepareAsync(author, authorTenantId, fileName, rows, cancellationToken);
        List<DashboardBlock> blocks =
        [
            new FactsBlock(texts["Board_PreviewHeading"], [], notice is null ? preview.Summary(plan) : $"{preview.Summary(plan)}\n{notice}"),
            People(
                texts["RosterImport_Added", plan.Added.Count],
                plan.Added.Select(member => Row(member, "role", coreTexts.Describe(member.Role, member.Commune))),
                ("role", texts["Board_Column_Role"])),
            People(
                texts["RosterImport_Changed", plan.Changed.Count],
                plan.Changed.Select(change => Row(change.Before, "changes", preview.FieldChanges(change, markdown: false))),
                ("changes", texts["Board_Column_Changes"])),
            People(texts["RosterImport_Removed", plan.Removed.Count], plan.Removed.Select(member => Row(member))),
        ];
        if (importId is not null)
        {
            var data = new JsonObject { ["importId"] = importId };
            blocks.Add(new ButtonsBlock(
                texts["Board_DecisionHeading"],
                [
                    new DashboardButton(texts["RosterImport_ConfirmButton"], ConfirmRosterFile.ActionVerb, data, Primary: true),
                    new DashboardButton(texts["RosterImport_CancelButton"], CancelRosterFile.ActionVerb, data.DeepClone().AsObject()),
                ]));
            blocks.Add(new FactsBlock(texts["Board_DecisionHeading"], [], texts["RosterImport_Hint"]));
        }

        return new DashboardView(texts["RosterImport_Title", fileName], blocks, Back: RosterBoard.PageName);
    }

    private static TableRow Row(Member member, string? key = null, string? value = null)
    {
        var cells = new Dictionary<string, DashboardCell> { ["name"] = member.Name, ["email"] = member.Email };
        if (key is not null)
        {
            cells[key] = value ?? string.Empty;
        }

        return new TableRow(member.AadObjectId, cells);
    }

    private TableBlock People(string heading, IEnumerable<TableRow> rows, params (string Key, string Label)[] more) => new(
        heading,
        [new TableColumn("name", texts["Board_Column_Name"]), new TableColumn("email", texts["Board_Column_Email"]), .. more.Select(column => new TableColumn(column.Key, column.Label))],
        [.. rows],
        texts["Board_NobodyHere"]);
}
