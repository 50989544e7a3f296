using System.Collections.Concurrent;
using System.Net.Http.Headers;
using BepBot.Chat;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest;

namespace BepBot.Teams;

/// <summary>
/// Posts into a saved conversation through the Bot Connector REST API, outside any user turn. One connector client
/// per service URL, on one pooled HttpClient: going through the adapter's ContinueConversation builds a new client
/// and pipeline for every message, which caps a broadcast well below Teams' own limit. Connector errors become
/// <see cref="ProactiveSendException"/> with the status and Retry-After, so the broadcast engine decides on retries.
/// </summary>
public sealed class TeamsProactiveMessenger : IProactiveMessenger, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly ConcurrentDictionary<string, ConnectorClient> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ServiceClientCredentials _credentials;
    private readonly ProactivePacer _pace;

    public TeamsProactiveMessenger(IConfiguration configuration, IOptions<BotOptions> options, TimeProvider clock)
    {
        // Teams allows a bot about 50 requests per second, counted over a sliding second: every proactive call
        // (broadcasts, status cards, reminders) goes through one evenly spaced pace.
        _pace = new ProactivePacer(options.Value.ProactiveMessagesPerSecond, clock);
        var appId = configuration["MicrosoftAppId"];
        _credentials = string.IsNullOrWhiteSpace(appId)
            ? MicrosoftAppCredentials.Empty
            : new MicrosoftAppCredentials(appId, configuration["MicrosoftAppPassword"], string.IsNullOrWhiteSpace(configuration["MicrosoftAppTenantId"]) ? null : configuration["MicrosoftAppTenantId"], _http);
    }

    public async Task<string?> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var activity = ActivityFor(conversation, message);
        await _pace.WaitForSlotAsync(cancellationToken);
        var response = await CallAsync(() => ClientFor(conversation).Conversations.SendToConversationAsync(conversation.ConversationId, activity, cancellationToken));
        return response?.Id;
    }

    public async Task UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var activity = ActivityFor(conversation, message);
        activity.Id = activityId;
        await _pace.WaitForSlotAsync(cancellationToken);
        await CallAsync(() => ClientFor(conversation).Conversations.UpdateActivityAsync(conversation.ConversationId, activityId, activity, cancellationToken));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _http.Dispose();
    }

    private ConnectorClient ClientFor(SavedConversation conversation) =>
        // Given our own HttpClient, the client adds no retry handler: retries are the broadcast engine's decision.
        _clients.GetOrAdd(conversation.ServiceUrl, serviceUrl => new ConnectorClient(new Uri(serviceUrl), _credentials, _http, disposeHttpClient: false));

    private static Activity ActivityFor(SavedConversation conversation, OutgoingMessage message)
    {
        var activity = (Activity)ReplyMapper.ToActivity(message);
        var reference = TurnMapper.ReferenceOf(conversation);
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.From = reference.Bot;
        activity.Recipient = reference.User;
        activity.Locale = reference.Locale;
        return activity;
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
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
        var value = headers?.FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
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
