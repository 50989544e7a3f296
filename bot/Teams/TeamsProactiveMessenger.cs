using System.Net.Http.Headers;
using BepBot.Chat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BepBot.Teams;

/// <summary>
/// Posts into a saved conversation through the Bot Connector (ContinueConversation), outside any user turn.
/// Connector errors become <see cref="ProactiveSendException"/> with the status and Retry-After, so the
/// broadcast engine decides on retries without knowing the SDK.
/// </summary>
public sealed class TeamsProactiveMessenger(BepBotAdapter adapter, IConfiguration configuration) : IProactiveMessenger
{
    public async Task<string?> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        string? activityId = null;
        await RunAsync(conversation, async (turnContext, token) =>
        {
            var response = await turnContext.SendActivityAsync(ReplyMapper.ToActivity(message), token);
            activityId = response?.Id;
        }, cancellationToken);
        return activityId;
    }

    public Task UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        RunAsync(conversation, async (turnContext, token) =>
        {
            var activity = (Activity)ReplyMapper.ToActivity(message);
            activity.Id = activityId;
            await turnContext.UpdateActivityAsync(activity, token);
        }, cancellationToken);

    private async Task RunAsync(SavedConversation conversation, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ContinueConversationAsync(configuration["MicrosoftAppId"] ?? string.Empty, TurnMapper.ReferenceOf(conversation), callback, cancellationToken);
        }
        catch (ErrorResponseException ex)
        {
            var status = (int)(ex.Response?.StatusCode ?? 0);
            throw new ProactiveSendException(status, RetryAfterOf(ex.Response?.Headers), $"Bot Connector answered {status}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ProactiveSendException((int?)ex.StatusCode ?? 0, null, "Bot Connector unreachable.", ex);
        }
    }

    private static TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        var value = headers.FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
