namespace BepBot.Infrastructure.Telemetry;

/// <summary>
/// A tenant id as the logs show it: readable when it is one (an organisation, which an administrator may need to add to
/// Bot:AllowedTenants), and no more than a note of its length when a request brought something else.
/// </summary>
public static class TenantIdForLog
{
    public static string Of(string? tenantId) => tenantId switch
    {
        null or "" => "(none)",
        _ when Guid.TryParse(tenantId, out var id) => id.ToString("D"),
        _ => $"(not a tenant id, {tenantId.Length} characters)",
    };
}
