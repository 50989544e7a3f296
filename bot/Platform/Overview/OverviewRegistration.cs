using BepBot.Chat.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BepBot.Platform.Overview;

public static class OverviewRegistration
{
    /// <summary>
    /// Registers the page first, so that it heads the tab's menu (pages are listed in the order they are registered);
    /// called by the host before the features add their sections.
    /// </summary>
    public static IHostApplicationBuilder AddOverview(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDashboardPage, OverviewBoard>());
        return builder;
    }

    public static IServiceCollection AddOverviewSection<TSection>(this IServiceCollection services)
        where TSection : class, IOverviewSection
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDashboardPage, OverviewBoard>());
        services.AddSingleton<IOverviewSection, TSection>();
        return services;
    }
}
