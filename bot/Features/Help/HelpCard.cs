using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Help;

/// <summary>The help card: the commands of the routing table that this user's role may use, by section.</summary>
public sealed class HelpCard(CommandTable table, CardCatalog cards, IStringLocalizer<HelpTexts> texts, IStringLocalizer<ChatTexts> coreTexts, IEnumerable<FeatureTexts> featureTexts)
{
    public const string TemplateName = "help/help";

    public JsonObject Build(ChatTurn turn, string? intro = null)
    {
        var sections = table.AvailableTo(turn.User.Role)
            .GroupBy(command => command.Section)
            .Select(section => new
            {
                Title = Text("Section_" + section.Key),
                Commands = section.Select(command => new
                {
                    Command = Text($"Command_{command.Id}_Usage"),
                    Description = Text($"Command_{command.Id}_Description"),
                }).ToList(),
            })
            .ToList();
        return cards.Render(TemplateName, new
        {
            Title = texts["Help_Title"].Value,
            Intro = intro ?? texts["Help_Intro", CardText.EscapeMarkdown(turn.User.Name), coreTexts.Describe(turn.User)].Value,
            Sections = sections,
            Footer = turn.User.Role == Role.Guest ? texts["Help_FooterGuest"].Value : texts["Help_Footer"].Value,
        });
    }

    // The core's commands (cancel) are worded in ChatTexts, every feature's in its own texts (this one's included).
    private string Text(string key)
    {
        var text = coreTexts[key];
        return text.ResourceNotFound
            ? featureTexts.Select(feature => feature[key]).FirstOrDefault(found => !found.ResourceNotFound)?.Value ?? text.Value
            : text.Value;
    }
}
