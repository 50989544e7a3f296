using BepBot.Cards;
using BepBot.Infrastructure.Time;

namespace BepBot.Features.Conferences;

/// <summary>What changed between two versions of a session, line by line.</summary>
public static class SessionDiff
{
    public static List<string> Lines(ConferenceCards cards, ConferenceSession before, ConferenceSession after)
    {
        var texts = cards.Texts;
        var lines = new List<string>();
        if (before.Title != after.Title)
        {
            lines.Add(texts["DiffSession_Title", CardText.EscapeMarkdown(before.Title), CardText.EscapeMarkdown(after.Title)]);
        }

        if (before.StartsAt != after.StartsAt)
        {
            lines.Add(texts["DiffSession_When", cards.When(before), cards.When(after)]);
        }

        if (before.Online != after.Online || before.Location != after.Location)
        {
            lines.Add(texts["DiffSession_Place", cards.Place(before), cards.Place(after)]);
        }

        if (before.DurationMinutes != after.DurationMinutes)
        {
            lines.Add(texts["DiffSession_Duration", BelgianTime.FormatDuration(before.DurationMinutes), BelgianTime.FormatDuration(after.DurationMinutes)]);
        }

        if (before.Quorum != after.Quorum)
        {
            lines.Add(texts["DiffSession_Quorum", cards.Quorum(before), cards.Quorum(after)]);
        }

        return lines;
    }
}
