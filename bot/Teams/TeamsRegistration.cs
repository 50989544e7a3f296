using BepBot.Chat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace BepBot.Teams;

public static partial class TeamsRegistration
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BotOptions>(builder.Configuration.GetSection(BotOptions.Section));
        services.AddOptions<BotIdentityOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotIdentityOptions>, BotIdentityValidation>();
        services.AddHttpContextAccessor();
        // Reads MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId from configuration.
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<TurnTelemetryMiddleware>();
        services.AddSingleton<PipelineStartedMiddleware>();
        services.AddSingleton<LogScopeMiddleware>();
        services.AddSingleton<TenantAllowListMiddleware>();
        services.AddSingleton<CultureMiddleware>();
        services.AddSingleton<DuplicateActivityMiddleware>();
        services.AddSingleton<BepBotAdapter>();
        services.AddSingleton(provider => new TurnAdmission(provider.GetRequiredService<IOptions<BotOptions>>().Value.MaxTurnsAtOnce, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AbandonedClickRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<AbandonedClickRecovery>());
        services.AddSingleton<CloudAdapter>(provider => provider.GetRequiredService<BepBotAdapter>());
        services.AddSingleton<IStorage, DocumentStoreBotStorage>();
        services.AddSingleton<PrivateConversationState>();
        services.AddMemoryCache();
        services.AddSingleton<BindAtFirstContact>();
        services.AddSingleton<TurnMapper>();
        services.AddScoped<BepBotActivityHandler>();
        services.AddSingleton<IProactiveMessenger, TeamsProactiveMessenger>();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"]))
        {
            LogAuthenticationOff(app.Logger);
        }

        app.MapPost(BotEndpoint.Route, BotEndpoint.HandleAsync);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "\n*** AUTHENTICATION IS OFF: no MicrosoftAppId is configured, so /api/messages accepts unauthenticated requests. ***\n*** This is for local play with the Agents Playground only; never expose this instance. ***")]
    private static partial void LogAuthenticationOff(ILogger logger);
}
