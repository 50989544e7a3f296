using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Roster.Dashboard;

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
        services.AddSingleton<RosterImportStore>();
        // Singletons, so that the dashboard tab's import runs the very same preview and confirmation as the chat's cards.
        services.AddSingleton<RosterImportClick>();
        services.AddSingleton<PreviewRosterImport>();
        services.AddSingleton<ConfirmRosterImport>();
        services.AddSingleton<CancelRosterImport>();
        services.AddScoped<IFileImport>(provider => provider.GetRequiredService<PreviewRosterImport>());
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
        services.AddCardAction<ConfirmRosterImport>("roster.confirmImport", Roles.Staff);
        services.AddCardAction<CancelRosterImport>("roster.cancelImport", Roles.Staff);
        services.AddCommand<ExportRoster>("roster.export", "roster", Roles.Staff, "exporter l'annuaire", "exporter annuaire", "export roster", "export the roster");
        services.AddCardAction<ExportRoster>(ExportRoster.Verb, Roles.Staff);

        services.AddSingleton<RosterBoard>();
        services.AddSingleton<IDashboardPage>(provider => provider.GetRequiredService<RosterBoard>());
        services.AddSingleton<RosterPreviewView>();
        services.AddSingleton<IDashboardAction, PreviewRosterFile>();
        services.AddSingleton<IDashboardAction, ConfirmRosterFile>();
        services.AddSingleton<IDashboardAction, CancelRosterFile>();
        services.AddSingleton<IDashboardAction, DownloadRoster>();
        return builder;
    }
}
