using BepBot.Chat;

namespace BepBot.Features.Help;

public static class HelpRegistration
{
    public static IHostApplicationBuilder AddHelp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HelpCard>();
        builder.Services.AddFeatureTexts<HelpTexts>();
        builder.Services.AddScoped<IFallbackHandler, AnswerNotUnderstood>();
        builder.Services.AddCommand<ShowHelp>(ChatRouter.HelpCommandId, "general", Roles.Everyone, "aide", "help", "?", "menu");
        builder.Services.AddGreetings("bonjour", "bonsoir", "salut", "coucou", "hello", "hi", "good morning", "good afternoon");
        builder.Services.AddCardAction<ShowHelp>("help.show", Roles.Everyone);
        builder.Services.AddCommand<ShowWhoAmI>("whoami", "general", Roles.Everyone, "qui suis-je", "whoami", "mon profil");
        return builder;
    }
}
