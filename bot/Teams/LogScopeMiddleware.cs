using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;

namespace BepBot.Teams;

/// <summary>
/// Every log line of a turn carries the activity, the conversation and the user — as pseudonyms outside Development
/// (<see cref="LogPseudonyms"/>), so logs never hold who a bourgmestre is, yet one person's turns can still be followed.
/// </summary>
public sealed class LogScopeMiddleware(LogPseudonyms pseudonyms, ILogger<LogScopeMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    // A message-template scope: structured properties for the JSON formatter and Azure Monitor, and a readable line
    // for the simple console formatter (which prints a scope's ToString(), the type name for a plain dictionary).
    private static readonly Func<ILogger, string?, string?, string?, string?, IDisposable?> TurnScope =
        LoggerMessage.DefineScope<string?, string?, string?, string?>(
            "{ActivityType} {ActivityId} in {ConversationId} from user {UserId}");

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var activityType = activity.Type is { Length: <= 32 } type ? type : "other";
        using (TurnScope(logger, activityType, pseudonyms.Of(activity.Id), pseudonyms.Of(activity.Conversation?.Id), pseudonyms.Of(activity.From?.AadObjectId ?? activity.From?.Id)))
        {
            await next(cancellationToken);
        }
    }
}
