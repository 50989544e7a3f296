namespace BepBot.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Application Insights connection string; APPLICATIONINSIGHTS_CONNECTION_STRING (App Service's name for it) also works.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>The cloud_RoleName in Application Insights / service.name in OpenTelemetry.</summary>
    public string ServiceName { get; set; } = "bepbot";
}
