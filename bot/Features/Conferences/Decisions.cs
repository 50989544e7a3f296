using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Sessions;
using Microsoft.Extensions.Localization;

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
