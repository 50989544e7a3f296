using BepBot.Chat.Flows;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BepBot.Chat;

public static class RoutingTableRegistration
{
    public static IServiceCollection AddCommand<THandler>(
        this IServiceCollection services, string id, string section, IReadOnlySet<Role> allowedRoles, params string[] phrases)
        where THandler : class, ICommandHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new CommandDefinition(id, section, phrases, allowedRoles, typeof(THandler)));
        return services;
    }

    public static IServiceCollection AddCardAction<THandler>(this IServiceCollection services, string verb, IReadOnlySet<Role> allowedRoles, bool usesFlows = true)
        where THandler : class, ICardActionHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new CardActionDefinition(verb, allowedRoles, typeof(THandler), usesFlows));
        return services;
    }

    public static IServiceCollection AddFlow<TFlow>(this IServiceCollection services)
        where TFlow : Flow
    {
        services.AddScoped<Flow, TFlow>();
        return services;
    }
}
