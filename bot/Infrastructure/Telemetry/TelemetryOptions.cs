namespace BepBot.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Application Insights connection string; APPLICATIONINSIGHTS_CONNECTION_STRING (App Service's name for it) also works.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>The cloud_RoleName in Application Insights / service.name in OpenTelemetry.</summary>
    public string ServiceName { get; set; } = "bepbot";

    /// <summary>
    /// Base64 key (at least 32 bytes) of the HMAC that turns ids into pseudonyms in the logs outside Development; the same on
    /// every instance. Empty or invalid (an unresolved Key Vault reference): a key of this process, and a warning.
    /// </summary>
    public string? LogHashKey { get; set; }
}
