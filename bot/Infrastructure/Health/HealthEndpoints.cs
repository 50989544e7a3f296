using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace BepBot.Infrastructure.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<CredentialExpiryHealthCheck>("credentials", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>/healthz: the process is up (no dependency checked). /readyz: the store is reachable and no
    /// credential has expired (degraded, still 200, when one expires soon).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
