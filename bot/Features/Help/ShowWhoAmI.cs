using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Help;

/// <summary>`qui suis-je`: what the bot knows about you, so a mis-filed role is easy to spot.</summary>
public sealed class ShowWhoAmI(IStringLocalizer<HelpTexts> texts, IStringLocalizer<ChatTexts> coreTexts) : ICommandHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.WithText(turn.User.Member is null
            ? texts["WhoAmI_Guest", CardText.EscapeMarkdown(turn.User.Name)]
            : texts["WhoAmI_Member", CardText.EscapeMarkdown(turn.User.Name), coreTexts.Describe(turn.User), CardText.EscapeMarkdown(turn.User.Member.Email)]));
}
