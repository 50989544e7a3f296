using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Help;

/// <summary>Text that no command matched: say so briefly, then show what this user can do.</summary>
public sealed class AnswerNotUnderstood(HelpCard help, IStringLocalizer<HelpTexts> texts) : IFallbackHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var quoted = CardText.EscapeMarkdown(arguments.Length > 80 ? arguments[..80] + "…" : arguments);
        return Task.FromResult(Reply.WithText(texts["NotUnderstood", quoted]).Then(Reply.WithCard(help.Build(turn), texts["Help_Title"])));
    }
}
