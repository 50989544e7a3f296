namespace BepBot.Platform.CommunePages;

public static class CommunePageRegistration
{
    public static IServiceCollection AddCommunePageSection<TSection>(this IServiceCollection services)
        where TSection : class, ICommunePageSection
    {
        services.AddSingleton<ICommunePageSection, TSection>();
        return services;
    }
}
