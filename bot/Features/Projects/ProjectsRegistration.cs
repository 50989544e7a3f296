using BepBot.Chat;
using BepBot.Features.Communes;
using BepBot.Features.Help;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        // Free text is a register question first; what is not about projects still gets the help feature's answer.
        services.TryAddScoped<NotUnderstood>();
        services.Replace(ServiceDescriptor.Scoped<IFallbackHandler, AskAboutProjects>());

        services.AddCommand<ListProjects>("projects", "projects", Roles.Members, "projets", "projects", "liste des projets");
        services.AddCommand<ListCentrals>("centrals", "projects", Roles.Members, "centrales", "centrales d'achat", "purchasing centrals", "centrals");
        services.AddCommand<ShowCommunePage>("commune", "projects", Roles.Members, "ma commune", "la commune de", "commune", "my municipality", "my commune", "municipality");
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
