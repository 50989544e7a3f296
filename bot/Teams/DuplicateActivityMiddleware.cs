using System.Security.Cryptography;
using System.Text;
using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace BepBot.Teams;

/// <summary>
/// Teams resends an activity it got no answer for within about 15 seconds. Each delivery claims the activity in
/// <see cref="IActivityClaims"/> (conditional writes, so this holds across bot instances) and runs the turn only if it
/// may: a resend of a completed turn is dropped, one that arrives while the first delivery still runs is told so, and
/// one after the first failed or its process died (its lease ran out) runs the turn. Effectively once: the handlers
/// themselves make a second run of the same click change nothing (one vote per commune, one registration per person).
/// </summary>
public sealed partial class DuplicateActivityMiddleware(
    IActivityClaims claims,
    CommandTable table,
    IStringLocalizer<ChatTexts> texts,
    ILogger<DuplicateActivityMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke) || string.IsNullOrEmpty(activity.Id) || IsRefresh(activity))
        {
            await next(cancellationToken);
            return;
        }

        var claim = await claims.ClaimAsync(KeyOf(activity), activity.Type, cancellationToken);
        switch (claim.Status)
        {
            case ActivityClaimStatus.Completed:
                LogDuplicate(logger, activity.Id, activity.Conversation?.Id);
                if (activity.Type == ActivityTypes.Invoke)
                {
                    await AnswerAsync(turnContext, texts["Duplicate_Action"], cancellationToken);
                }

                return;
            case ActivityClaimStatus.Running:
                LogStillRunning(logger, activity.Type, claim.PreviousInstance);
                await AnswerAsync(turnContext, texts["Duplicate_Running"], cancellationToken);
                return;
            case ActivityClaimStatus.TakenOver:
                LogTakenOver(logger, activity.Type, claim.PreviousInstance);
                break;
        }

        try
        {
            await next(cancellationToken);
        }
        catch (Exception)
        {
            await ReleaseAsync(claim);
            throw;
        }

        await CompleteAsync(claim);
    }

    // A card refresh changes nothing, so running it twice is harmless, and Teams sends one each time a card comes into
    // view: claiming it would cost a store write per look.
    private bool IsRefresh(Activity activity) =>
        activity.Type == ActivityTypes.Invoke
        && activity.Value is Newtonsoft.Json.Linq.JObject value
        && value.SelectToken("action.verb") is Newtonsoft.Json.Linq.JValue { Value: string verb }
        && table.FindVerb(verb)?.Refreshes == true;

    private static async Task AnswerAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(
            turnContext.Activity.Type == ActivityTypes.Invoke
                ? ReplyMapper.InvokeResponseActivity(ReplyMapper.MessageInvokeResponse(text))
                : MessageFactory.Text(text),
            cancellationToken);

    // Not cancelled with the request: the turn is over either way, and its claim must say how it ended.
    private async Task CompleteAsync(ActivityClaim claim)
    {
        try
        {
            if (!await claims.CompleteAsync(claim, CancellationToken.None))
            {
                LogCompletedAfterTakeOver(logger);
            }
        }
        catch (Exception ex)
        {
            // The answer is sent; a resend after the lease runs the turn again, which the handlers make harmless.
            LogClaimNotCompleted(logger, ex);
        }
    }

    private async Task ReleaseAsync(ActivityClaim claim)
    {
        try
        {
            await claims.ReleaseAsync(claim, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The turn's own failure is the one to report; a resend after the lease takes the claim over anyway.
            LogClaimNotReleased(logger, ex);
        }
    }

    private static string KeyOf(Activity activity)
    {
        var identity = $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery of activity {ActivityId} in {ConversationId} ignored")]
    private static partial void LogDuplicate(ILogger logger, [PseudonymousId] string activityId, [PseudonymousId] string? conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resent {ActivityType} activity still running on instance {Instance}: answered that it is in progress, not run")]
    private static partial void LogStillRunning(ILogger logger, string activityType, string? instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resent {ActivityType} activity taken over from instance {Instance}, whose lease ran out before its turn completed: run again")]
    private static partial void LogTakenOver(ILogger logger, string activityType, string? instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn completed after a resend took its activity over")]
    private static partial void LogCompletedAfterTakeOver(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn completed but its activity claim could not be marked completed; a resend after the lease would run it again")]
    private static partial void LogClaimNotCompleted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn failed and its activity claim could not be released; a resend after the lease runs it")]
    private static partial void LogClaimNotReleased(ILogger logger, Exception exception);
}
