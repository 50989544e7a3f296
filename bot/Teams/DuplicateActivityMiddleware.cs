using System.Security.Claims;
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
    /// <summary>Where a turn answered « pris en compte » leaves the delivery of its late reply (a <c>Task&lt;bool&gt;</c>: did the work succeed).</summary>
    public const string LateReplyKey = "BepBot.LateReply";

    /// <summary>Where the turn learns whether it may be answered « pris en compte » (<see cref="LateAnswer"/>).</summary>
    public const string LateAnswerKey = "BepBot.LateAnswer";

    /// <summary>Marks the turn of a click Teams resent after it was done: it only redraws the card (<see cref="ChatRouter.RedrawAsync"/>).</summary>
    public const string RedrawKey = "BepBot.Redraw";

    /// <summary>The claim in the identity of a click run again by <see cref="AbandonedClickRecovery"/> (never in a token Teams signs).</summary>
    public const string RecoveredClickClaim = "bepbot/recovered-click";

    private static readonly Newtonsoft.Json.JsonSerializerSettings KeptSettings = new() { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore };

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var action = activity.Type == ActivityTypes.Invoke ? table.FindVerb(VerbOf(activity)) : null;
        // A card refresh changes nothing, so running it twice is harmless, and Teams sends one each time a card comes
        // into view: claiming it would cost a store write per look.
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke) || string.IsNullOrEmpty(activity.Id) || action?.Refreshes == true)
        {
            await next(cancellationToken);
            return;
        }

        var replay = action?.AnswersLate == true ? Kept(activity) : null;
        var claim = await claims.ClaimAsync(KeyOf(activity), activity.Type, replay, cancellationToken);
        switch (claim.Status)
        {
            case ActivityClaimStatus.Completed:
                LogDuplicate(logger, activity.Id, activity.Conversation?.Id);
                if (action?.RedrawnBy is not null)
                {
                    // Read-only: the turn shows the card as it stands and writes nothing, its claim included.
                    turnContext.TurnState[RedrawKey] = true;
                    await next(cancellationToken);
                }
                else if (activity.Type == ActivityTypes.Invoke)
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

        if (replay is not null)
        {
            // Whoever made a click run again after its instance died was answered « pris en compte » long ago.
            var recovered = turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey)?.HasClaim(identityClaim => identityClaim.Type == RecoveredClickClaim) == true;
            turnContext.TurnState[LateAnswerKey] = recovered ? LateAnswer.AtOnce : LateAnswer.AfterDelay;
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

        if (turnContext.TurnState.Get<Task<bool>>(LateReplyKey) is { } lateReply)
        {
            _ = EndWithAsync(claim, lateReply);
            return;
        }

        await CompleteAsync(claim);
    }

    // The claim of a click answered « pris en compte » stays running, with its activity, until the work ends.
    private async Task EndWithAsync(ActivityClaim claim, Task<bool> lateReply)
    {
        if (await lateReply)
        {
            await CompleteAsync(claim);
        }
        else
        {
            await ReleaseAsync(claim);
        }
    }

    private static string? VerbOf(Activity activity) =>
        activity.Value is Newtonsoft.Json.Linq.JObject value && value.SelectToken("action.verb") is Newtonsoft.Json.Linq.JValue { Value: string verb } ? verb : null;

    // A click too large to keep in a claim is answered in its turn, however long that takes.
    private static string? Kept(Activity activity)
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(activity, KeptSettings);
        return json.Length <= ActivityClaimRecord.MaxReplayLength ? json : null;
    }

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

    /// <summary>The claim key of an activity: its channel, conversation and id, hashed to a fixed length.</summary>
    public static string KeyOf(Activity activity)
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
