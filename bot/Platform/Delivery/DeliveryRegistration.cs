using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Reachability;

namespace BepBot.Platform.Delivery;

public static class DeliveryRegistration
{
    /// <summary>The delivery engine and the one proactive sender; features send through them.</summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        // Who can be reached is the delivery engine's first question; the roster and the previews ask it too.
        builder.AddReachability();
        var services = builder.Services;
        services.Configure<BroadcastOptions>(builder.Configuration.GetSection(BroadcastOptions.Section));
        services.Configure<ProactivePaceOptions>(builder.Configuration.GetSection(ProactivePaceOptions.Section));
        services.AddSingleton<ProactivePacer>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<Chat.ILateReplies, LateReplies>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<Broadcaster>();
        services.AddSingleton<BroadcastContents>();
        services.AddSingleton<CardUpdates>();
        services.AddSingleton<DeliveryQueueName>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<DeliveryCards>();
        services.AddSingleton<DeliveryReasons>();
        services.AddSingleton<DeliveryReport>();
        services.AddSingleton<BroadcastStatusUpdater>();
        services.AddSingleton<DeliverToRecipient>();
        services.AddJobHandler<LaunchBroadcastJob>(LaunchBroadcastJob.JobKind);
        services.AddJobHandler<WatchBroadcastJob>(WatchBroadcastJob.JobKind);
        services.AddHostedService<DeliveryWorker>();
        return builder;
    }

    /// <summary>A feature's card carried by its broadcasts (a ballot, an invitation), rendered per recipient at delivery time.</summary>
    public static IServiceCollection AddBroadcastContent<TContent>(this IServiceCollection services)
        where TContent : class, IBroadcastContent
    {
        services.AddSingleton<IBroadcastContent, TContent>();
        return services;
    }
}
