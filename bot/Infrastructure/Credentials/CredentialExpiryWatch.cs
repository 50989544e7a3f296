using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Credentials;

/// <summary>
/// Warns in the log once a day (at start, then every CheckInterval) for each secret or certificate that expires within
/// the warning period, has expired, or has no expiry date set, so that an alert on warnings catches it in time.
/// </summary>
public sealed partial class CredentialExpiryWatch(
    CredentialExpiries credentials,
    IOptions<CredentialOptions> options,
    TimeProvider clock,
    ILogger<CredentialExpiryWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Check();
            try
            {
                await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Check()
    {
        foreach (var credential in credentials.InUse())
        {
            switch (credentials.StateOf(credential))
            {
                case CredentialState.Expired:
                    LogExpired(logger, credential.Credential, credential.ExpiresOn!.Value);
                    break;
                case CredentialState.ExpiresSoon:
                    LogExpiresSoon(logger, credential.Credential, credential.ExpiresOn!.Value, credentials.DaysLeft(credential));
                    break;
                case CredentialState.ExpiryUnknown:
                    LogExpiryUnknown(logger, credential.Credential, credential.ExpirySetting);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Credential} expired on {ExpiresOn:yyyy-MM-dd}: the bot can no longer sign in with it. Rotate it now (docs/deploy.md)")]
    private static partial void LogExpired(ILogger logger, string credential, DateTimeOffset expiresOn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Credential} expires on {ExpiresOn:yyyy-MM-dd}, in {DaysLeft} days: rotate it before then (docs/deploy.md)")]
    private static partial void LogExpiresSoon(ILogger logger, string credential, DateTimeOffset expiresOn, int daysLeft);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Credential} is used but {ExpirySetting} is not set: its expiry cannot be watched")]
    private static partial void LogExpiryUnknown(ILogger logger, string credential, string expirySetting);
}
