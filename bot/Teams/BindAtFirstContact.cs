using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;

namespace BepBot.Teams;

/// <summary>
/// Someone the roster does not know by (tenant, object id) may be a person staff registered by e-mail: while entries wait
/// for their person, asks Teams who they are (the connector's conversation-member call: e-mail, user principal name,
/// tenant) and lets the roster bind them. A "no" is remembered per person until the roster changes, so guests do not
/// cost a lookup on every turn; a lookup Teams refuses or does not answer leaves them a guest for this turn only.
/// </summary>
public sealed partial class BindAtFirstContact(IMemberBinder binder, IMemoryCache cache, ILogger<BindAtFirstContact> logger)
{
    private const string AnyRoster = "*";
    private static readonly TimeSpan NoMatchRemembered = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ThrottledAtMost = TimeSpan.FromMinutes(5);

    public async Task<Member?> BindAsync(ITurnContext turnContext, string? tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(turnContext.Activity.From?.Id)
            || await binder.PendingVersionAsync(cancellationToken) is not { } version)
        {
            return null;
        }

        var key = new LookupKey(tenantId.ToLowerInvariant(), aadObjectId.ToLowerInvariant());
        if (cache.TryGetValue(key, out string? seen) && (seen == version || seen == AnyRoster))
        {
            return null;
        }

        if (await LookUpAsync(turnContext, key, cancellationToken) is not { } person)
        {
            return null;
        }

        var member = await binder.BindAsync(person, cancellationToken);
        if (member is null)
        {
            cache.Set(key, version, NoMatchRemembered);
        }

        return member;
    }

    private async Task<PersonIdentity?> LookUpAsync(ITurnContext turnContext, LookupKey key, CancellationToken cancellationToken)
    {
        var tenantForLog = TenantIdForLog.Of(key.TenantId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LookupTimeout);
        try
        {
            var account = await TeamsInfo.GetMemberAsync(turnContext, turnContext.Activity.From.Id, timeout.Token);
            // Teams answers for the account the activity names; an answer about someone else binds no one.
            if (account is null || !string.Equals(account.AadObjectId, key.AadObjectId, StringComparison.OrdinalIgnoreCase)
                || (!string.IsNullOrEmpty(account.TenantId) && !string.Equals(account.TenantId, key.TenantId, StringComparison.OrdinalIgnoreCase)))
            {
                LogOtherPerson(logger, key.AadObjectId, tenantForLog);
                return null;
            }

            return new PersonIdentity(key.TenantId, key.AadObjectId, account.Name ?? string.Empty, account.Email, account.UserPrincipalName);
        }
        catch (ErrorResponseException ex)
        {
            var status = (int)(ex.Response?.StatusCode ?? 0);
            if (status == 429)
            {
                var wait = RetryAfter.Of(ex.Response?.Headers) ?? TimeSpan.FromSeconds(30);
                cache.Set(key, AnyRoster, wait < ThrottledAtMost ? wait : ThrottledAtMost);
            }

            LogRefused(logger, status, key.AadObjectId, tenantForLog);
            return null;
        }
        catch (HttpRequestException ex)
        {
            LogRefused(logger, (int?)ex.StatusCode ?? 0, key.AadObjectId, tenantForLog);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, key.AadObjectId, tenantForLog, LookupTimeout.TotalSeconds);
            return null;
        }
    }

    private sealed record LookupKey(string TenantId, string AadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member lookup for {Member} of tenant {TenantId} refused by Teams ({Status}): answered as a guest, nothing written")]
    private static partial void LogRefused(ILogger logger, int status, [Infrastructure.Telemetry.PseudonymousId] string member, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member lookup for {Member} of tenant {TenantId} got no answer within {Seconds} s: answered as a guest, nothing written")]
    private static partial void LogTimedOut(ILogger logger, [Infrastructure.Telemetry.PseudonymousId] string member, string tenantId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member lookup for {Member} of tenant {TenantId} answered for another account or tenant: not bound")]
    private static partial void LogOtherPerson(ILogger logger, [Infrastructure.Telemetry.PseudonymousId] string member, string tenantId);
}
