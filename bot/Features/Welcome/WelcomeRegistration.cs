using BepBot.Chat;

namespace BepBot.Features.Welcome;

public static class WelcomeRegistration
{
    public static IHostApplicationBuilder AddWelcome(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInstallGreeting, Greeting>();
        return builder;
    }
}
