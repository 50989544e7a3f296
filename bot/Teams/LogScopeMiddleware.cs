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
    // A message-template scope: structured properties for the JSON formatter and Azure Monitor, and a readable line
    // for the simple console formatter (which prints a scope's ToString(), the type name for a plain dictionary).
    private static readonly Func<ILogger, string?, string?, string?, string?, IDisposable?> TurnScope =
        LoggerMessage.DefineScope<string?, string?, string?, string?>(
            "{ActivityType} {ActivityId} in {ConversationId} from user {UserHash}");

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        using (TurnScope(logger, activity.Type, activity.Id, activity.Conversation?.Id, HashOf(activity.From?.AadObjectId ?? activity.From?.Id)))
        {
            await next(cancellationToken);
        }
    }

    public static string? HashOf(string? user) =>
        string.IsNullOrEmpty(user) ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.ToLowerInvariant())))[..16];
}
