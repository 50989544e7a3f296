using BepBot.Chat;

namespace BepBot.Features.Communes;

public static class CommunesRegistration
{
    /// <summary>`ma commune`, `la commune de …`: the page every feature contributes a section to.</summary>
    public static IHostApplicationBuilder AddCommunes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddFeatureTexts<CommunesTexts>();
        builder.Services.AddCommand<ShowCommunePage>("commune", "projects", Roles.Members, "ma commune", "la commune de", "commune", "my municipality", "my commune", "municipality");
        return builder;
    }
}
