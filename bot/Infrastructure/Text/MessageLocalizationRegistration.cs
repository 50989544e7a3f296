using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace BepBot.Infrastructure.Text;

public static class MessageLocalizationRegistration
{
    /// <summary>The .resx localization of ASP.NET Core, every text worded by <see cref="MessageFormatter"/>.</summary>
    public static IServiceCollection AddMessageLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, MessageLocalizerFactory>());
        return services;
    }
}
