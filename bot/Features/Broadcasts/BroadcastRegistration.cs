using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Features.Broadcasts.Dashboard;
using BepBot.Platform.Delivery;
using BepBot.Platform.Overview;

namespace BepBot.Features.Broadcasts;

/// <summary>What BEP staff use to compose, send, list and cancel announcements; the delivery itself is Platform.Delivery's.</summary>
public static class BroadcastRegistration
{
    public static IHostApplicationBuilder AddBroadcasts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddFeatureTexts<BroadcastsTexts>();
        services.AddSingleton<BroadcastCards>();
        services.AddSingleton<ComposeCard>();
        services.AddHostedService<BroadcastsSeeder>();
        services.AddOverviewSection<Dashboard.BroadcastsInFlightOverview>();
        services.AddCommand<StartBroadcast>("broadcast", "broadcasts", Roles.Staff, "diffuser", "broadcast", "nouvelle diffusion");
        services.AddCommand<ListBroadcasts>("broadcasts", "broadcasts", Roles.Staff, "diffusions", "broadcasts", "diffusions programmees");
        services.AddCardAction<PreviewBroadcast>("broadcasts.preview", Roles.Staff);
        services.AddCardAction<EditBroadcast>("broadcasts.edit", Roles.Staff);
        services.AddCardAction<DiscardBroadcast>("broadcasts.discard", Roles.Staff);
        services.AddCardAction<SendBroadcast>("broadcasts.send", Roles.Staff);
        services.AddCardAction<CancelBroadcast>("broadcasts.cancel", Roles.Staff);
        services.AddCardAction<ExportDeliveryReport>(ExportDeliveryReport.Verb, Roles.Staff);
        services.AddSingleton<IDashboardPage, BroadcastsBoard>();
        services.AddSingleton<IDashboardAction, DownloadDeliveryReport>();
        return builder;
    }
}
