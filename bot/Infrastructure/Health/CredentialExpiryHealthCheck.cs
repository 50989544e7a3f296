using BepBot.Infrastructure.Credentials;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BepBot.Infrastructure.Health;

/// <summary>
/// Degraded (still HTTP 200: the bot works, App Service keeps the instance) from the warning period before a secret or
/// certificate expires, or when its expiry is not set; unhealthy (503) once expired, since the bot can then no longer
/// sign in to Teams or Graph. The reason is in the description, which the health check service logs.
/// </summary>
public sealed class CredentialExpiryHealthCheck(CredentialExpiries credentials) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expired = new List<string>();
        var warnings = new List<string>();
        foreach (var credential in credentials.InUse())
        {
            switch (credentials.StateOf(credential))
            {
                case CredentialState.Expired:
                    expired.Add($"{credential.Credential} expired on {credential.ExpiresOn:yyyy-MM-dd}: rotate it (docs/deploy.md, \"Rotating a secret or certificate\").");
                    break;
                case CredentialState.ExpiresSoon:
                    warnings.Add($"{credential.Credential} expires on {credential.ExpiresOn:yyyy-MM-dd}, in {credentials.DaysLeft(credential)} days: rotate it.");
                    break;
                case CredentialState.ExpiryUnknown:
                    warnings.Add($"{credential.Credential} is used but {credential.ExpirySetting} is not set: its expiry cannot be watched.");
                    break;
            }
        }

        var description = string.Join(" ", expired.Concat(warnings));
        return Task.FromResult(expired.Count > 0 ? HealthCheckResult.Unhealthy(description)
            : warnings.Count > 0 ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy("No credential expires within the warning period."));
    }
}
