using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Welcome;

/// <summary>The card a user gets when BepBot is installed: who they are for the bot, and what it can do for them.</summary>
public sealed class Greeting(CardCatalog cards, IMemberDirectory roster, IStringLocalizer<WelcomeTexts> texts, IStringLocalizer<ChatTexts> coreTexts) : IInstallGreeting
{
    public const string TemplateName = "welcome/welcome";

    public async Task<Reply> GreetAsync(ChatUser user, ConversationKind kind, CancellationToken cancellationToken)
    {
        var isDemo = await roster.IsDemoAsync(cancellationToken);
        var highlights = texts["Welcome_Highlights_" + user.Role].Value
            .Split("\\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        var intro = kind == ConversationKind.Personal
            ? texts["Welcome_IntroPersonal"].Value
            : texts["Welcome_IntroShared"].Value;
        if (isDemo)
        {
            intro += " " + texts["Welcome_DemoNotice"].Value;
        }

        var card = cards.Render(TemplateName, new
        {
            Title = texts["Welcome_Title", CardText.EscapeMarkdown(user.Name)].Value,
            UserName = CardText.EscapeMarkdown(user.Name),
            RoleLabel = texts["Welcome_Role", coreTexts.Describe(user)].Value,
            Intro = intro,
            Highlights = highlights,
            HelpButton = texts["Welcome_HelpButton"].Value,
        });
        return Reply.WithCard(card, texts["Welcome_Title", user.Name]);
    }
}
