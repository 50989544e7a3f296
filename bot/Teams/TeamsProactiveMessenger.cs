using System.Collections.Concurrent;
using BepBot.Chat;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace BepBot.Teams;

/// <summary>
/// Posts into a saved conversation through the Bot Connector REST API, outside any user turn. One connector client
/// per service URL, on one pooled HttpClient: going through the adapter's ContinueConversation builds a new client
/// and pipeline for every message, which caps a broadcast well below Teams' own limit. Teams' answer is classified
/// here, once, into a <see cref="ProactiveOutcome"/>; pacing and retries are the delivery platform's.
/// A connector client writes its headers into its HttpClient's defaults when it is built, and HttpClient's headers are
/// not safe to change while requests go out: so each client gets an HttpClient of its own (sharing the one connection
/// pool), built once per service URL even when the first sends of a broadcast ask for it all at once.
/// </summary>
public sealed class TeamsProactiveMessenger : IProactiveMessenger, IDisposable
{
    private readonly SocketsHttpHandler _connections = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, Lazy<ConnectorClient>> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ServiceClientCredentials _credentials;

    public TeamsProactiveMessenger(IConfiguration configuration)
    {
        _http = new HttpClient(_connections, disposeHandler: false);
        var appId = configuration["MicrosoftAppId"];
        _credentials = string.IsNullOrWhiteSpace(appId)
            ? MicrosoftAppCredentials.Empty
            : new MicrosoftAppCredentials(appId, configuration["MicrosoftAppPassword"], string.IsNullOrWhiteSpace(configuration["MicrosoftAppTenantId"]) ? null : configuration["MicrosoftAppTenantId"], _http);
    }

    public Task<ProactiveOutcome> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var activity = ActivityFor(conversation, message);
        return CallAsync(() => ClientFor(conversation).Conversations.SendToConversationAsync(conversation.ConversationId, activity, cancellationToken), cancellationToken);
    }

    public Task<ProactiveOutcome> UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var activity = ActivityFor(conversation, message);
        activity.Id = activityId;
        return CallAsync(() => ClientFor(conversation).Conversations.UpdateActivityAsync(conversation.ConversationId, activityId, activity, cancellationToken), cancellationToken);
    }

    /// <summary>The one place a connector status becomes an outcome.</summary>
    public static ProactiveOutcome Classify(int status, TimeSpan? retryAfter) => status switch
    {
        403 or 404 => new ProactiveOutcome.Gone(status),
        // 412: the connector's own optimistic-concurrency refusal, which passes on a second try.
        0 or 412 or 429 or (>= 500 and < 600) => new ProactiveOutcome.RetryAfter(retryAfter, status),
        _ => new ProactiveOutcome.Failed(status),
    };

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(client => client.IsValueCreated))
        {
            client.Value.HttpClient.Dispose();
            client.Value.Dispose();
        }

        _http.Dispose();
        _connections.Dispose();
    }

    private ConnectorClient ClientFor(SavedConversation conversation) =>
        // Given our own HttpClient, the client adds no retry handler: retries are the broadcast engine's decision.
        _clients.GetOrAdd(conversation.ServiceUrl, serviceUrl => new Lazy<ConnectorClient>(
            () => new ConnectorClient(new Uri(serviceUrl), _credentials, new HttpClient(_connections, disposeHandler: false), disposeHttpClient: false))).Value;

    private static Activity ActivityFor(SavedConversation conversation, OutgoingMessage message)
    {
        var personalChat = conversation.Kind == ConversationKind.Personal;
        var activity = (Activity)ReplyMapper.ToActivity(message, personalChat && conversation.UserId is { } person ? [person] : [], personalChat);
        var reference = TurnMapper.ReferenceOf(conversation);
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.From = reference.Bot;
        activity.Recipient = reference.User;
        activity.Locale = reference.Locale;
        return activity;
    }

    private static async Task<ProactiveOutcome> CallAsync(Func<Task<ResourceResponse>> call, CancellationToken cancellationToken)
    {
        try
        {
            return new ProactiveOutcome.Sent((await call())?.Id);
        }
        catch (ErrorResponseException ex)
        {
            return Classify((int)(ex.Response?.StatusCode ?? 0), RetryAfter.Of(ex.Response?.Headers));
        }
        catch (HttpRequestException ex)
        {
            return Classify((int?)ex.StatusCode ?? 0, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's timeout: no answer, like a network failure.
            return Classify(0, null);
        }
    }
}
