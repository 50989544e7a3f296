using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`annuaire`: who is in the roster, by role, and which communes still have no bourgmestre.</summary>
public sealed class ShowRoster(RosterDirectory roster, CardCatalog cards, IStringLocalizer<RosterTexts> texts, IStringLocalizer<ChatTexts> coreTexts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var current = await roster.GetAsync(cancellationToken);
        var withoutBourgmestre = TerritoryMap.Communes
            .Where(commune => !current.Members.Any(member => member.Role == Role.Bourgmestre && member.Commune == commune.Name))
            .Select(commune => commune.Name)
            .ToList();
        var groups = new[] { Role.BepStaff, Role.Bourgmestre, Role.Officer }
            .Select(role => new
            {
                Title = $"{coreTexts.RoleName(role)} ({current.Members.Count(member => member.Role == role)})",
                Members = current.Members
                    .Where(member => member.Role == role)
                    .OrderBy(member => member.Commune, StringComparer.Create(BelgianTime.French, ignoreCase: true))
                    .ThenBy(member => member.Name, StringComparer.Create(BelgianTime.French, ignoreCase: true))
                    .Select(member => new
                    {
                        Name = CardText.EscapeMarkdown(member.Name),
                        Detail = CardText.EscapeMarkdown(Detail(member)),
                    })
                    .ToList(),
            })
            .Where(group => group.Members.Count > 0)
            .ToList();
        var card = cards.Render("roster/summary", new
        {
            Title = texts["Roster_Title"].Value,
            Updated = current.Members.Count == 0
                ? texts["Roster_Empty"].Value
                : texts["Roster_Updated", current.Members.Count, BelgianTime.FormatDateTime(current.UpdatedAt, turn.Culture), CardText.EscapeMarkdown(current.UpdatedBy)].Value,
            DemoNotice = current.IsDemo ? texts["Roster_DemoNotice"].Value : string.Empty,
            Groups = groups,
            ConflictsTitle = texts["Roster_ConflictsTitle"].Value,
            Conflicts = current.BindingConflicts
                .Select(conflict => CardText.EscapeMarkdown(texts[
                    $"Roster_Conflict_{conflict.Reason}",
                    conflict.Name,
                    BelgianTime.FormatDateTime(conflict.At, turn.Culture),
                    string.Join(", ", conflict.Emails)].Value))
                .ToList(),
            MissingBourgmestres = withoutBourgmestre.Count == 0
                ? texts["Roster_AllBourgmestres"].Value
                : texts["Roster_MissingBourgmestres", withoutBourgmestre.Count, string.Join(", ", withoutBourgmestre)].Value,
            ImportHint = texts["Roster_ImportHint"].Value,
            AddButton = texts["Roster_AddButton"].Value,
            ExportButton = texts["Roster_ExportButton"].Value,
        });
        return Reply.WithCard(card, texts["Roster_Title"]);

        string Detail(Member member)
        {
            var detail = member.Commune is null ? member.Email : $"{member.Commune} · {member.Email}";
            return member.IsPending ? texts["Roster_Pending", detail].Value : detail;
        }
    }
}
