namespace BepBot.Infrastructure;

/// <summary>
/// Local play: a feature's demonstration data, written at start when the feature's <c>SeedDemo</c> option is on.
/// Each seed uses stable ids and creates only what is absent, so a restart adds nothing. A failure is logged and the
/// bot starts anyway: demo data is never worth a bot that does not answer.
/// </summary>
public abstract partial class DemoSeeder(ILogger logger, IHostEnvironment environment) : IHostedService
{
    protected abstract bool Enabled { get; }

    protected abstract string What { get; }

    protected abstract Task SeedAsync(CancellationToken cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Off (the default): do not touch the store at start, so a bot whose store is down still starts.
        if (!Enabled || !DemoSeeding.IsAllowed(environment, logger, What))
        {
            return;
        }

        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, What);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo seed of {What} failed; the bot starts without it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
