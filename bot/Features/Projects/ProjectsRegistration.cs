using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Projects;

public static class ProjectsRegistration
{
    public static IHostApplicationBuilder AddProjects(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ProjectsOptions>(builder.Configuration.GetSection(ProjectsOptions.Section));
        services.AddFeatureTexts<ProjectsTexts>();
        services.AddSingleton<ProjectRegisterStore>();
        services.AddSingleton<ProjectCards>();
        services.AddSingleton<ProjectAnswers>();
        services.AddSingleton<ProjectSync>();
        services.AddJobHandler<ProjectSyncJob>(ProjectSyncJob.JobKind);
        services.AddHostedService<ProjectsSeeder>();
        services.AddHostedService<ProjectSyncStarter>();

        services.AddScoped<IFreeTextHandler, AskAboutProjects>();

        services.AddCommand<ListProjects>("projects", "projects", Roles.Members, "projets", "projects", "liste des projets");
        services.AddCommand<ListCentrals>("centrals", "projects", Roles.Members, "centrales", "centrales d'achat", "purchasing centrals", "centrals");
        services.AddCommand<EditProject>("projects.update", "projects", Roles.Staff, "mettre a jour projet", "mettre à jour le projet", "modifier projet", "update project");
        services.AddCommand<SynchronizeProjects>("projects.sync", "projects", Roles.Staff, "synchroniser projets", "synchroniser les projets", "sync projects");
        services.AddCardAction<ShowProject>("projects.show", Roles.Members);
        services.AddCardAction<EditProject>("projects.edit", Roles.Staff);
        services.AddCardAction<SaveProjectUpdate>("projects.update", Roles.Staff);
        services.AddCardAction<ShowProjectHistory>("projects.history", Roles.Staff);
        services.AddCommunePageSection<ProjectsCommuneSection>();
        services.AddCommunePageSection<CentralsCommuneSection>();
        return builder;
    }
}
