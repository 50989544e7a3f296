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
/// Teams resends an activity it got no answer for within about 15 seconds. The first delivery claims the
/// activity in <see cref="IActivityClaims"/> (create-if-absent, so this holds across bot instances); later ones are dropped.
/// </summary>
public sealed partial class DuplicateActivityMiddleware(
    IActivityClaims claims,
    IStringLocalizer<ChatTexts> texts,
    ILogger<DuplicateActivityMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke) || string.IsNullOrEmpty(activity.Id))
        {
            await next(cancellationToken);
            return;
        }

        if (!await claims.TryClaimAsync(KeyOf(activity), activity.Type, cancellationToken))
        {
            LogDuplicate(logger, activity.Id, activity.Conversation?.Id);
            if (activity.Type == ActivityTypes.Invoke)
            {
                await turnContext.SendActivityAsync(ReplyMapper.InvokeResponseActivity(ReplyMapper.MessageInvokeResponse(texts["Duplicate_Action"])), cancellationToken);
            }

            return;
        }

        await next(cancellationToken);
    }

    private static string KeyOf(Activity activity)
    {
        var identity = $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery of activity {ActivityId} in {ConversationId} ignored")]
    private static partial void LogDuplicate(ILogger logger, [PseudonymousId] string activityId, [PseudonymousId] string? conversationId);
}
