using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`retirer un membre &lt;e-mail ou nom&gt;`: asks for confirmation on a card before anything changes.</summary>
public sealed class AskToRemoveRosterMember(RosterDirectory roster, CardCatalog cards, IStringLocalizer<RosterTexts> texts, IStringLocalizer<ChatTexts> coreTexts) : ICommandHandler
{
    public const string Verb = "roster.remove";

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            return Reply.WithText(texts["RosterRemove_Usage"]);
        }

        var wanted = TextFolding.Fold(arguments);
        var matches = (await roster.GetAsync(cancellationToken)).Members
            .Where(member => member.AadObjectId == wanted || TextFolding.Fold(member.Email).Contains(wanted, StringComparison.Ordinal) || TextFolding.Fold(member.Name).Contains(wanted, StringComparison.Ordinal))
            .ToList();
        if (matches.Count == 0)
        {
            return Reply.WithText(texts["RosterRemove_NotFound", arguments]);
        }

        if (matches.Count > 1)
        {
            return Reply.WithText(texts["RosterRemove_Ambiguous", arguments, string.Join(", ", matches.Select(member => $"{member.Name} ({member.Email})"))]);
        }

        var member = matches[0];
        var card = cards.Render("roster/remove-confirm", new
        {
            Title = texts["RosterRemove_Title"].Value,
            Question = texts["RosterRemove_Question", CardText.EscapeMarkdown(member.Name), coreTexts.Describe(member.Role, member.Commune), CardText.EscapeMarkdown(member.Email)].Value,
            ConfirmButton = texts["RosterRemove_ConfirmButton", member.Name].Value,
            KeepButton = texts["RosterRemove_KeepButton"].Value,
            member.AadObjectId,
        });
        return Reply.WithCard(card, texts["RosterRemove_Title"]);
    }
}
