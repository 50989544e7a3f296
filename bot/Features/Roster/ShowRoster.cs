using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Reachability;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>
/// `annuaire`: who is in the roster and whether BepBot can write to them. Staff one by one; per commune, its
/// bourgmestre and whether they can be reached, and its officers counted (a real roster, some 10 staff, 40
/// bourgmestres and a few hundred officers, must fit in one Teams card, ~28 KB); the communes without a bourgmestre
/// or whose bourgmestre cannot be reached. `annuaire Namur`: one commune's people one by one, with their e-mail.
/// </summary>
public sealed partial class ShowRoster(
    RosterDirectory roster,
    ReachabilityCheck reachability,
    RosterReachabilityLines lines,
    CardCatalog cards,
    IStringLocalizer<RosterTexts> texts,
    IStringLocalizer<ChatTexts> coreTexts,
    ILogger<ShowRoster> logger) : ICommandHandler
{
    /// <summary>At most this many people of one commune listed one by one; the rest are counted.</summary>
    public const int MaxPeopleOfCommune = 60;

    private static readonly StringComparer FrenchOrder = StringComparer.Create(BelgianTime.French, ignoreCase: true);

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        Commune? commune = null;
        if (arguments.Trim() is { Length: > 0 } asked && (commune = TerritoryMap.FindCommune(asked)) is null)
        {
            LogUnknownCommune(logger, asked, turn.User.AadObjectId);
            return Reply.WithText(texts["Roster_UnknownCommune", asked]);
        }

        var current = await roster.GetAsync(cancellationToken);
        var members = commune is null ? current.Members : [.. current.Members.Where(member => member.Commune == commune.Name)];
        var people = await reachability.OfAsync(members, cancellationToken);
        var listed = commune is null ? new[] { Role.BepStaff } : [Role.Bourgmestre, Role.Officer];
        var groups = listed
            .Select(role => people.Where(reach => reach.Member.Role == role).ToList())
            .Where(group => group.Count > 0)
            .Select(group => new
            {
                Title = $"{coreTexts.RoleName(group[0].Member.Role)} ({group.Count})",
                Members = group
                    .OrderBy(reach => reach.Member.Commune, FrenchOrder)
                    .ThenBy(reach => reach.Member.Name, FrenchOrder)
                    .Take(MaxPeopleOfCommune)
                    .Select(reach => new
                    {
                        Name = CardText.EscapeMarkdown(reach.Member.Name),
                        Detail = CardText.EscapeMarkdown(reach.Member.Commune is null ? reach.Member.Email : $"{reach.Member.Commune} · {reach.Member.Email}"),
                        State = lines.State(reach),
                    })
                    .ToList(),
                More = group.Count > MaxPeopleOfCommune ? texts["Roster_MorePeople", group.Count - MaxPeopleOfCommune].Value : string.Empty,
            })
            .ToList();
        var communeSections = commune is null ? CommuneSections(people) : [];
        var card = cards.Render("roster/summary", new
        {
            Title = commune is null ? texts["Roster_Title"].Value : texts["Roster_CommuneTitle", commune.Name].Value,
            Updated = current.Members.Count == 0
                ? texts["Roster_Empty"].Value
                : texts["Roster_Updated", current.Members.Count, BelgianTime.FormatDateTime(current.UpdatedAt, turn.Culture), CardText.EscapeMarkdown(current.UpdatedBy)].Value,
            DemoNotice = current.IsDemo ? texts["Roster_DemoNotice"].Value : string.Empty,
            Reachability = people.Count == 0 ? string.Empty : lines.Overall(people),
            Groups = groups,
            CommuneSections = communeSections,
            ConflictsTitle = texts["Roster_ConflictsTitle"].Value,
            Conflicts = current.BindingConflicts
                .Select(conflict => CardText.EscapeMarkdown(texts[
                    $"Roster_Conflict_{conflict.Reason}",
                    conflict.Name,
                    BelgianTime.FormatDateTime(conflict.At, turn.Culture),
                    string.Join(", ", conflict.Emails)].Value))
                .ToList(),
            MissingBourgmestres = MissingBourgmestres(current, commune),
            UnreachableBourgmestres = commune is null ? lines.UnreachableBourgmestres(people) : string.Empty,
            CommuneHint = commune is null ? texts["Roster_CommuneHint"].Value : texts["Roster_WholeRosterHint"].Value,
            ImportHint = texts["Roster_ImportHint"].Value,
            AddButton = texts["Roster_AddButton"].Value,
            ExportButton = texts["Roster_ExportButton"].Value,
        });
        return Reply.WithCard(card, commune is null ? texts["Roster_Title"] : texts["Roster_CommuneTitle", commune.Name]);
    }

    /// <summary>Bourgmestres one line per commune (name and state), officers counted per commune.</summary>
    private List<CommuneSection> CommuneSections(IReadOnlyList<MemberReachability> people)
    {
        var bourgmestres = people.Where(reach => reach.Member.Role == Role.Bourgmestre).ToList();
        var officers = people.Where(reach => reach.Member.Role == Role.Officer).ToList();
        return new[]
        {
            new CommuneSection(
                texts["Roster_BourgmestresByCommune", coreTexts.RoleName(Role.Bourgmestre), bourgmestres.Count],
                [.. bourgmestres
                    .OrderBy(reach => reach.Member.Commune, FrenchOrder)
                    .ThenBy(reach => reach.Member.Name, FrenchOrder)
                    .Select(reach => new CommuneFact(reach.Member.Commune ?? "?", $"{CardText.EscapeMarkdown(reach.Member.Name)} · {lines.State(reach)}"))]),
            new CommuneSection(
                texts["Roster_OfficersByCommune", coreTexts.RoleName(Role.Officer), officers.Count],
                [.. officers
                    .GroupBy(reach => reach.Member.Commune ?? "?")
                    .OrderBy(group => group.Key, FrenchOrder)
                    .Select(group => new CommuneFact(group.Key, lines.ReachableOf([.. group])))]),
        }.Where(section => section.Facts.Count > 0).ToList();
    }

    private sealed record CommuneSection(string Title, IReadOnlyList<CommuneFact> Facts);

    private sealed record CommuneFact(string Commune, string Value);

    private string MissingBourgmestres(RosterDocument current, Commune? commune)
    {
        bool HasBourgmestre(string name) => current.Members.Any(member => member.Role == Role.Bourgmestre && member.Commune == name);
        if (commune is not null)
        {
            return HasBourgmestre(commune.Name) ? string.Empty : texts["Roster_CommuneWithoutBourgmestre", commune.Name].Value;
        }

        var withoutBourgmestre = TerritoryMap.Communes.Where(candidate => !HasBourgmestre(candidate.Name)).Select(candidate => candidate.Name).ToList();
        return withoutBourgmestre.Count == 0
            ? texts["Roster_AllBourgmestres"].Value
            : texts["Roster_MissingBourgmestres", withoutBourgmestre.Count, string.Join(", ", withoutBourgmestre)].Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown commune {Asked} asked in annuaire by {User}")]
    private static partial void LogUnknownCommune(ILogger logger, [PseudonymousId] string asked, [PseudonymousId] string user);
}
