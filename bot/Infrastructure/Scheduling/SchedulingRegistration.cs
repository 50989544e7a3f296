using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BepBot.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>The job book, the runner and its polling service, on the document store (AddDocumentStore). Features add
    /// their handlers with <see cref="AddJobHandler{THandler}"/>.</summary>
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
        builder.Services.TryAddSingleton<LocalDueTimes>();
        builder.Services.TryAddSingleton<JobBook>();
        builder.Services.TryAddSingleton<JobRunner>();
        builder.Services.AddHostedService<JobRunnerService>();
        return builder;
    }

    /// <summary>Jobs of <paramref name="kind"/> run on <typeparamref name="THandler"/>, a singleton that may take the
    /// <see cref="JobBook"/> to schedule its follow-up jobs.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        services.AddSingleton<IJobHandler, THandler>();
        services.AddSingleton(new JobKind(kind, typeof(THandler)));
        return services;
    }
}
