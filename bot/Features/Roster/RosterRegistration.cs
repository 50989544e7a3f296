using BepBot.Chat;

namespace BepBot.Features.Roster;

public static class RosterRegistration
{
    public static IHostApplicationBuilder AddRoster(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RosterOptions>(builder.Configuration.GetSection(RosterOptions.Section));
        services.AddSingleton<RosterDirectory>();
        services.AddHostedService<RosterSeeder>();
        return services is null ? builder : builder;
    }
}
