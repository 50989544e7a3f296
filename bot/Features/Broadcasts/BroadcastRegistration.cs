using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Broadcasts;

public static class BroadcastRegistration
{
    public static IHostApplicationBuilder AddBroadcasts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BroadcastOptions>(builder.Configuration.GetSection(BroadcastOptions.Section));
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<Broadcaster>();
        services.AddSingleton<DeliveryQueueName>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<BroadcastCards>();
        services.AddSingleton<ComposeCard>();
        services.AddSingleton<TeamsThrottle>();
        services.AddSingleton<BroadcastStatusUpdater>();
        services.AddSingleton<DeliverToRecipient>();
        services.AddJobHandler<LaunchBroadcastJob>(LaunchBroadcastJob.JobKind);
        services.AddJobHandler<WatchBroadcastJob>(WatchBroadcastJob.JobKind);
        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService<BroadcastsSeeder>();
        services.AddCommand<StartBroadcast>("broadcast", "broadcasts", Roles.Staff, "diffuser", "broadcast", "nouvelle diffusion");
        services.AddCommand<ListBroadcasts>("broadcasts", "broadcasts", Roles.Staff, "diffusions", "broadcasts", "diffusions programmees");
        services.AddCardAction<PreviewBroadcast>("broadcasts.preview", Roles.Staff);
        services.AddCardAction<EditBroadcast>("broadcasts.edit", Roles.Staff);
        services.AddCardAction<DiscardBroadcast>("broadcasts.discard", Roles.Staff);
        services.AddCardAction<SendBroadcast>("broadcasts.send", Roles.Staff);
        services.AddCardAction<CancelBroadcast>("broadcasts.cancel", Roles.Staff);
        services.AddCardAction<ExportDeliveryReport>("broadcasts.report", Roles.Staff);
        return builder;
    }
}
