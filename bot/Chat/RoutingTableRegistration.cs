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

    public static IServiceCollection AddGreetings(this IServiceCollection services, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            services.AddSingleton(new Greeting(phrase));
        }

        return services;
    }

    /// <param name="redrawnBy">The refresh verb of the card the button is on, if it has one (<see cref="CardActionDefinition.RedrawnBy"/>).</param>
    public static IServiceCollection AddCardAction<THandler>(this IServiceCollection services, string verb, IReadOnlySet<Role> allowedRoles, bool usesFlows = true, string? redrawnBy = null)
        where THandler : class, ICardActionHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new CardActionDefinition(verb, allowedRoles, typeof(THandler), usesFlows, RedrawnBy: redrawnBy));
        return services;
    }

    /// <summary>
    /// A click that comes in bursts and may be answered late (<see cref="CardActionDefinition.AnswersLate"/>). It never
    /// touches a flow: its work may end after the turn that saves the flows.
    /// </summary>
    public static IServiceCollection AddBurstCardAction<THandler>(this IServiceCollection services, string verb, IReadOnlySet<Role> allowedRoles, string? redrawnBy = null)
        where THandler : class, ICardActionHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new CardActionDefinition(verb, allowedRoles, typeof(THandler), UsesFlows: false, AnswersLate: true, RedrawnBy: redrawnBy));
        return services;
    }

    /// <summary>
    /// The refresh of a feature's card: <typeparamref name="TShow"/> is the read-only handler that shows the card as it
    /// stands now for the person (the same the feature's "show" button uses), so a refresh can never disagree with it.
    /// </summary>
    public static IServiceCollection AddCardRefresh<TShow>(this IServiceCollection services, string verb, IReadOnlySet<Role> allowedRoles)
        where TShow : class, ICardActionHandler
    {
        services.TryAddScoped<TShow>();
        services.AddSingleton(new CardActionDefinition(verb, allowedRoles, typeof(TShow), UsesFlows: false, Refreshes: true));
        return services;
    }

    public static IServiceCollection AddFlow<TFlow>(this IServiceCollection services)
        where TFlow : Flow
    {
        services.AddScoped<Flow, TFlow>();
        return services;
    }
}
