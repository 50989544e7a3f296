using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BepBot.Teams;

/// <summary>First in the pipeline: an activity from a tenant outside Bot:AllowedTenants goes no further (nothing read or stored).</summary>
public sealed partial class TenantAllowListMiddleware(IOptions<BotOptions> options, ILogger<TenantAllowListMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Count > 0)
        {
            var tenantId = TeamsChannelFields.TenantOf(turnContext.Activity);
            if (tenantId is null || !allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
            {
                LogRefused(logger, TenantIdForLog.Of(tenantId), turnContext.Activity.Type, turnContext.Activity.Conversation?.Id);
                throw new TenantNotAllowedException($"Tenant '{tenantId}' is not allowed.");
            }
        }

        await next(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Type} in conversation {ConversationId} refused: tenant {TenantId} is not in Bot:AllowedTenants")]
    private static partial void LogRefused(ILogger logger, string tenantId, string type, [PseudonymousId] string? conversationId);
}
