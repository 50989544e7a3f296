using System.Diagnostics;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;

namespace BepBot.Teams;

/// <summary>
/// First in the pipeline: one "bepbot.turn" span and one bepbot.turn.duration measurement per activity, covering
/// every middleware and the handler (after authentication, which the endpoint does before the pipeline).
/// </summary>
public sealed class TurnTelemetryMiddleware(BepBotMetrics metrics, LogPseudonyms pseudonyms) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var activityType = activity.Type ?? "unknown";
        using var span = BepBotMetrics.ActivitySource.StartActivity("bepbot.turn");
        span?.SetTag("bepbot.activity.type", activityType);
        span?.SetTag("bepbot.activity.id", pseudonyms.Of(activity.Id));
        span?.SetTag("bepbot.activity.name", activity.Name is { Length: <= 64 } name ? name : null);
        span?.SetTag("bepbot.conversation.type", activity.Conversation?.ConversationType);
        span?.SetTag("bepbot.user", pseudonyms.Of(activity.From?.AadObjectId ?? activity.From?.Id));
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            await next(cancellationToken);
            outcome = "ok";
        }
        catch (TenantNotAllowedException)
        {
            outcome = "refused";
            throw;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            metrics.RecordTurn(activityType, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
