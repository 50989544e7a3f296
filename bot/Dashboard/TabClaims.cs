using System.Security.Claims;

namespace BepBot.Dashboard;

/// <summary>The claims of a tab token the edge reads: who (oid, in tenant tid) and how Entra ID names them.</summary>
public static class TabClaims
{
    public const string ObjectId = "oid";
    public const string TenantId = "tid";
    public const string Name = "name";
    public const string PreferredUsername = "preferred_username";
    public const string Email = "email";
    public const string UserPrincipalName = "upn";

    public static string? Of(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
