namespace BepBot.Platform.Reachability;

public static class ReachabilityRegistration
{
    /// <summary>Who BepBot can write to, and the words for it: the roster's views, the previews and the delivery reports.</summary>
    public static IHostApplicationBuilder AddReachability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReachabilityCheck>();
        builder.Services.AddSingleton<ReachabilitySnapshot>();
        builder.Services.AddSingleton<ReachabilityWording>();
        return builder;
    }
}
