using Microsoft.Extensions.Localization;

namespace BepBot.Chat;

public static class FeatureTextsRegistration
{
    public static IServiceCollection AddFeatureTexts<TTexts>(this IServiceCollection services)
    {
        services.AddSingleton(provider => new FeatureTexts(provider.GetRequiredService<IStringLocalizer<TTexts>>()));
        return services;
    }
}
