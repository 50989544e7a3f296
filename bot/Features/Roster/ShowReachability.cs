using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Reachability;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>
/// `joignabilité`: how many people BepBot can write to, by role; the communes whose bourgmestre it cannot reach; who
/// cannot be reached (capped) and why; how to get BepBot to them.
/// </summary>
public sealed class ShowReachability(
    RosterDirectory roster,
    ReachabilityCheck reachability,
    ReachabilityWording wording,
    RosterReachabilityLines lines,
    CardCatalog cards,
    IStringLocalizer<RosterTexts> texts,
    IStringLocalizer<ChatTexts> coreTexts) : ICommandHandler
{
    public const int MaxPeopleShown = 15;

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var members = (await roster.GetAsync(cancellationToken)).Members;
        if (members.Count == 0)
        {
            return Reply.WithText(texts["Roster_Empty"]);
        }

        var people = await reachability.OfAsync(members, cancellationToken);
        var unreachable = people.Where(reach => !reach.IsReachable).ToList();
        var card = cards.Render("roster/reachability", new
        {
            Title = texts["Reachability_Title"].Value,
            Overall = lines.Overall(people),
            Roles = new[] { Role.BepStaff, Role.Bourgmestre, Role.Officer }
                .Select(role => people.Where(reach => reach.Member.Role == role).ToList())
                .Where(group => group.Count > 0)
                .Select(group => new { Role = coreTexts.RoleName(group[0].Member.Role), Value = lines.ReachableOf(group) })
                .ToList(),
            Bourgmestres = lines.UnreachableBourgmestres(people),
            Unreachable = unreachable.Count == 0
                ? texts["Reachability_Everyone"].Value
                : texts["Reachability_UnreachablePeople", unreachable.Count, wording.NamesWithReasons(unreachable, MaxPeopleShown)].Value,
            Hint = unreachable.Count == 0 ? string.Empty : wording.HowToReach,
        });
        return Reply.WithCard(card, lines.Overall(people));
    }
}
