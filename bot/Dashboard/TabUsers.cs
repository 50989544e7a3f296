using System.Security.Claims;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;

namespace BepBot.Dashboard;

/// <summary>
/// Who a signed-in person is for the features: their roster entry by (tenant, object id), like a chat turn; an entry
/// registered by e-mail is bound now from the token's sign-in name, as the chat does at first contact; anyone else is a
/// guest. An object id that the roster places in another tenant gives a guest with no id, so it cannot take that
/// person's place.
/// </summary>
public sealed partial class TabUsers(IMemberDirectory roster, IMemberBinder binder, ILogger<TabUsers> logger)
{
    public async Task<ChatUser> UserOfAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var objectId = TabClaims.Of(principal, TabClaims.ObjectId);
        var tenantId = TabClaims.Of(principal, TabClaims.TenantId);
        var name = TabClaims.Of(principal, TabClaims.Name) ?? string.Empty;
        if (objectId is null || tenantId is null)
        {
            return Guest(string.Empty, name);
        }

        if (await roster.FindPersonAsync(tenantId, objectId, cancellationToken) is { } member)
        {
            return new ChatUser(member.AadObjectId, member.Name, member.Role, member);
        }

        if (await roster.FindAsync(objectId, cancellationToken) is not null)
        {
            LogForeignClaim(logger, TenantIdForLog.Of(tenantId));
            return Guest(string.Empty, name);
        }

        if (await binder.PendingVersionAsync(cancellationToken) is not null)
        {
            var email = TabClaims.Of(principal, TabClaims.Email) ?? TabClaims.Of(principal, TabClaims.PreferredUsername);
            var principalName = TabClaims.Of(principal, TabClaims.UserPrincipalName) ?? TabClaims.Of(principal, TabClaims.PreferredUsername);
            if (await binder.BindAsync(new PersonIdentity(tenantId, objectId, name, email, principalName), cancellationToken) is { } bound)
            {
                LogBound(logger, bound.AadObjectId);
                return new ChatUser(bound.AadObjectId, bound.Name, bound.Role, bound);
            }
        }

        return Guest(objectId, name);
    }

    private static ChatUser Guest(string objectId, string name) => new(objectId, name, Role.Guest, null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: a token from tenant {TenantId} carries the object id of a roster entry of another tenant: shown the guest page")]
    private static partial void LogForeignClaim(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {Member} bound to their roster entry at their first sign-in to the tab")]
    private static partial void LogBound(ILogger logger, [PseudonymousId] string member);
}
