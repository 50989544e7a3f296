using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;

namespace BepBot.Teams;

/// <summary>
/// Every log line of a turn carries the activity id, the conversation id and the user — hashed, so logs never hold
/// who a bourgmestre is, yet one person's turns can still be followed.
/// </summary>
public sealed class LogScopeMiddleware(ILogger<LogScopeMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ConversationId"] = activity.Conversation?.Id,
            ["UserHash"] = HashOf(activity.From?.AadObjectId ?? activity.From?.Id),
        }))
        {
            await next(cancellationToken);
        }
    }

    public static string? HashOf(string? user) =>
        string.IsNullOrEmpty(user) ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.ToLowerInvariant())))[..16];
}
