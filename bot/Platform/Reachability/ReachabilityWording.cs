using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Platform.Reachability;

/// <summary>
/// The words for reachability, in the reader's language (the current UI culture): the reason someone cannot be
/// reached, a person's state in `annuaire`, and the one warning every preview before a send shows.
/// </summary>
public sealed class ReachabilityWording(ReachabilityCheck check, IStringLocalizer<ReachabilityTexts> texts)
{
    public const int MaxNamesShown = 10;

    /// <summary>Why BepBot cannot write to them; empty for someone reachable.</summary>
    public string Reason(MemberReachability reach) => Reason(reach.Status, reach.GoneStatus, reach.GoneAt);

    /// <param name="goneStatus">For a conversation gone: Teams' answer then (403: BepBot removed).</param>
    public string Reason(ReachabilityStatus status, int? goneStatus, DateTimeOffset? goneAt) => status switch
    {
        ReachabilityStatus.PendingEmail => texts["Reachability_Reason_PendingEmail"],
        ReachabilityStatus.NotInstalled => texts["Reachability_Reason_NotInstalled"],
        ReachabilityStatus.ConversationGone => texts[
            goneStatus == 403 ? "Reachability_Reason_BotRemoved" : "Reachability_Reason_ConversationGone",
            BelgianTime.FormatDay(goneAt ?? DateTimeOffset.UtcNow, CultureInfo.CurrentUICulture)],
        _ => string.Empty,
    };

    /// <summary>« ✅ joignable depuis le … · dernière utilisation le … » or « ⛔ non joignable : reason ».</summary>
    public string State(MemberReachability reach)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (!reach.IsReachable)
        {
            return texts["Reachability_Unreachable", Reason(reach)];
        }

        var since = BelgianTime.FormatDay(reach.Since ?? DateTimeOffset.UtcNow, culture);
        return reach.LastUsedAt is { } used
            ? texts["Reachability_Reachable", since, BelgianTime.FormatDay(used, culture)]
            : texts["Reachability_ReachableNotUsedYet", since];
    }

    /// <summary>
    /// The warning a preview shows before a send: how many recipients cannot be reached yet and who (names with the
    /// reason, capped), as card markdown; null when everyone can be reached.
    /// </summary>
    public string? UnreachableNotice(IEnumerable<MemberReachability> recipients)
    {
        var unreachable = recipients.Where(reach => !reach.IsReachable).ToList();
        return unreachable.Count == 0
            ? null
            : texts["Reachability_Notice", unreachable.Count, NamesWithReasons(unreachable, MaxNamesShown)].Value;
    }

    /// <summary>The preview's warning for these recipients, read now; null when BepBot can reach them all.</summary>
    public async Task<string?> UnreachableNoticeAsync(IReadOnlyList<Member> recipients, CancellationToken cancellationToken = default) =>
        UnreachableNotice(await check.OfAsync(recipients, cancellationToken));

    /// <summary>
    /// « Anne Dupont, Jean Martin (reason) ; Paul Durand (other reason) … et 3 autres »: people who share a reason are
    /// named together, the largest group first, so a long list does not repeat the same reason; names escaped for card
    /// markdown.
    /// </summary>
    public string NamesWithReasons(IReadOnlyCollection<MemberReachability> people, int max)
    {
        var byName = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
        var shown = people
            .GroupBy(Reason)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, byName)
            .SelectMany(group => group.OrderBy(reach => reach.Member.Name, byName))
            .Take(max)
            .ToList();
        var names = MessageFormatter.JoinList(shown
            .GroupBy(Reason)
            .Select(group => $"{string.Join(", ", group.Select(reach => CardText.EscapeMarkdown(reach.Member.Name)))} ({group.Key})"), CultureInfo.CurrentUICulture);
        var more = people.Count - max;
        return more > 0 ? names + " " + texts["Reachability_AndOthers", more].Value : names;
    }

    /// <summary>How staff get BepBot to people it cannot reach yet.</summary>
    public string HowToReach => texts["Reachability_HowToReach"];

}
