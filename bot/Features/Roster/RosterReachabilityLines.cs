using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Reachability;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>The reachability sentences `annuaire` and `joignabilité` share, in the reader's language.</summary>
public sealed class RosterReachabilityLines(ReachabilityWording wording, IStringLocalizer<RosterTexts> texts)
{
    /// <summary>« 312 personnes sur 450 peuvent recevoir les messages de BepBot. »</summary>
    public string Overall(IReadOnlyCollection<MemberReachability> people)
    {
        var reachable = people.Count(reach => reach.IsReachable);
        return texts["Roster_Reachable", reachable, people.Count].Value;
    }

    /// <summary>The communes whose bourgmestre BepBot cannot reach, with the reason; empty when the roster has no bourgmestre.</summary>
    public string UnreachableBourgmestres(IEnumerable<MemberReachability> people)
    {
        var bourgmestres = people.Where(reach => reach.Member.Role == Role.Bourgmestre && reach.Member.Commune is not null).ToList();
        var unreachable = bourgmestres
            .Where(reach => !reach.IsReachable)
            .OrderBy(reach => reach.Member.Commune, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true))
            .Select(reach => $"{reach.Member.Commune} ({wording.Reason(reach)})")
            .ToList();
        return bourgmestres.Count == 0 ? string.Empty
            : unreachable.Count == 0 ? texts["Roster_AllBourgmestresReachable"]
            : texts["Roster_UnreachableBourgmestres", unreachable.Count, CardText.EscapeMarkdown(string.Join(", ", unreachable))].Value;
    }

    /// <summary>« 8 joignables sur 10 »: a group counted without naming anyone.</summary>
    public string ReachableOf(IReadOnlyCollection<MemberReachability> people)
    {
        var reachable = people.Count(reach => reach.IsReachable);
        return texts["Roster_ReachableOf", reachable, people.Count].Value;
    }

    public string State(MemberReachability reach) => wording.State(reach);
}
