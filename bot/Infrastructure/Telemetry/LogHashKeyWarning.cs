namespace BepBot.Infrastructure.Telemetry;

/// <summary>Says once at start when ids in the logs are hashed with a key of this process only.</summary>
public sealed partial class LogHashKeyWarning(IConfiguration configuration, ILogger<LogHashKeyWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (LogRedactionRegistration.ConfiguredKey(configuration) is null)
        {
            LogNoKey(logger, LogRedactionRegistration.HashKeyKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} is not set: ids in the logs are hashed with a key of this process, so the same person has another pseudonym on another instance or after a restart")]
    private static partial void LogNoKey(ILogger logger, string key);
}
