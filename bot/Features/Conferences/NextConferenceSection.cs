using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Infrastructure.Text;

namespace BepBot.Features.Conferences;

/// <summary>"Prochaine conférence" on a commune's page: the next session in its scope and the commune's answer.</summary>
public sealed class NextConferenceSection(ConferenceStore store, ConferenceCards cards, TimeProvider clock) : ICommunePageSection
{
    public int Order => 40;

    public async Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var scope = CultureScope.Use(culture);
        var now = clock.GetUtcNow();
        var next = (await store.ListAsync(cancellationToken))
            .Where(session => session.State != ConferenceState.Cancelled && session.InScope(commune) && !session.IsPast(now))
            .OrderBy(session => session.StartsAt ?? ListConferences.FirstCandidate(session))
            .FirstOrDefault();
        var title = cards.Texts["Section_Title"];
        if (next is null)
        {
            return new CommunePageSection(title, [], cards.Texts["Section_None"]);
        }

        var detail = next.State == ConferenceState.Scheduled
            ? cards.Texts["List_YourAnswer", cards.Answer(await store.RsvpOfAsync(next.Id, commune, cancellationToken))].Value
            : null;
        return new CommunePageSection(title, [new CommunePageLine($"{CardText.EscapeMarkdown(next.Title)} · {cards.When(next)}", detail)]);
    }
}
