using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BepBot.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>The scheduler and its polling service, on the document store (AddDocumentStore). Features add their
    /// <see cref="IJobHandler"/>s as singletons.</summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SchedulingOptions>()
            .Bind(builder.Configuration.GetSection(SchedulingOptions.Section))
            .Validate(
                options => options.PollInterval > TimeSpan.Zero && options.Lease > TimeSpan.Zero && options.MaxAttempts >= 1
                    && options.RetryDelay >= TimeSpan.Zero && options.Retention > TimeSpan.Zero,
                "Scheduling: PollInterval, Lease and Retention must be positive, RetryDelay not negative, MaxAttempts at least 1.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(services => new JobScheduler(
            services.GetRequiredService<Storage.IDocumentStore>(),
            Deferred(services),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulingOptions>>(),
            services.GetRequiredService<ILogger<JobScheduler>>()));
        builder.Services.AddHostedService<JobSchedulerService>();
        return builder;
    }

    // Resolved when first enumerated, after the scheduler exists, so handlers can take the scheduler.
    private static IEnumerable<IJobHandler> Deferred(IServiceProvider services)
    {
        foreach (var handler in services.GetServices<IJobHandler>())
        {
            yield return handler;
        }
    }
}
