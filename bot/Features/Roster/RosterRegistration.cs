using BepBot.Chat;

namespace BepBot.Features.Roster;

public static class RosterRegistration
{
    public static IHostApplicationBuilder AddRoster(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RosterOptions>(builder.Configuration.GetSection(RosterOptions.Section));
        services.AddSingleton<RosterDirectory>();
        services.AddFeatureTexts<RosterTexts>();
        services.AddSingleton<IMemberDirectory>(provider => provider.GetRequiredService<RosterDirectory>());
        services.AddSingleton<IMemberBinder, BindPendingMember>();
        services.AddHostedService<RosterSeeder>();
        services.AddSingleton<RosterReachabilityLines>();
        services.AddCommand<ShowRoster>("roster", "roster", Roles.Staff, "annuaire", "roster", "liste des membres");
        services.AddCommand<ShowReachability>("roster.reachability", "roster", Roles.Staff, "joignabilité", "reachability");
        services.AddCommand<StartAddRosterMember>("roster.add", "roster", Roles.Staff, "ajouter un membre", "add member", "nouveau membre");
        services.AddCardAction<StartAddRosterMember>("roster.add", Roles.Staff);
        services.AddFlow<AddRosterMemberFlow>();
        services.AddCommand<AskToRemoveRosterMember>("roster.remove", "roster", Roles.Staff, "retirer un membre", "remove member", "retirer");
        services.AddCardAction<RemoveRosterMember>(AskToRemoveRosterMember.Verb, Roles.Staff);
        services.AddCardAction<KeepRosterMember>("roster.keep", Roles.Staff);
        return builder;
    }
}
