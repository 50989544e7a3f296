using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Communes.Dashboard;

namespace BepBot.Features.Communes;

public static class CommunesRegistration
{
    /// <summary>`ma commune`, `la commune de …`: the page every feature contributes a section to.</summary>
    public static IHostApplicationBuilder AddCommunes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddFeatureTexts<CommunesTexts>();
        // One instance for the chat's command and the dashboard tab's « Ma commune », which reads the same sections.
        builder.Services.AddSingleton<ShowCommunePage>();
        builder.Services.AddSingleton<IDashboardPage, CommuneBoard>();
        builder.Services.AddCommand<ShowCommunePage>("commune", "projects", Roles.Members, "ma commune", "la commune de", "commune", "my municipality", "my commune", "municipality");
        return builder;
    }
}
