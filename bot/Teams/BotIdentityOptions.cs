namespace BepBot.Teams;

/// <summary>
/// The keys the Bot Framework SDK reads at the root of the configuration to sign the bot in (bound here to check them
/// at start; the SDK reads them itself).
/// </summary>
public sealed class BotIdentityOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>The app registration's client id; with UserAssignedMSI, the managed identity's client id. Empty: authentication off.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant (the SDK's default), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }
}
