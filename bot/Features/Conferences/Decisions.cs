using BepBot.Cards;

namespace BepBot.Features.Conferences;

public static class Decisions
{
    public static List<string> Lines(ConferenceCards cards, IReadOnlyList<Decision> decisions) =>
        [.. decisions.Select((decision, index) =>
        {
            var text = $"{index + 1}. {CardText.EscapeMarkdown(decision.Text)}";
            if (decision.BallotId is { } ballot)
            {
                text += " " + cards.Texts["Decisions_Ballot", ballot];
            }

            return decision.Link is { } link ? $"{text} ([{cards.Texts["Decisions_Link"]}]({link}))" : text;
        })];
}
