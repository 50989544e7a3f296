using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BepBot.Platform.Procurations;

public static class ProcurationRegistration
{
    public static IServiceCollection AddProcurations(this IServiceCollection services)
    {
        services.TryAddSingleton<ProcurationBook>();
        return services;
    }
}
