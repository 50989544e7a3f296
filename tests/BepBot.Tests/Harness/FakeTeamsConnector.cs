using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Harness;

/// <summary>A sent activity as the Bot Connector received it; <paramref name="ActivityId"/> is the id it answered a post with.</summary>
public sealed record ConnectorRequest(string Method, string Path, string ConversationId, JsonObject Activity, int Status, DateTimeOffset At, string? ActivityId = null)
{
    /// <summary>What the recipient reads: the text, the summary and every text of the attached cards.</summary>
    public string AllText => string.Join("\n", new[] { (string?)Activity["text"], (string?)Activity["summary"] }.OfType<string>()
        .Concat((Activity["attachments"]?.AsArray() ?? []).Select(attachment => attachment?["content"]).OfType<JsonObject>().Select(CardReader.AllText)));
}

/// <summary>
/// The Bot Connector service Teams runs, faked on loopback: records every activity the bot posts (replies sent
/// without expectReplies, proactive messages) and answers with a resource id like the real one; answers member lookups.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly Queue<DateTime> _window = new();
    private int _nextId;

    private FakeTeamsConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>Status code to answer with instead of 200 (e.g. 403 for a bot removed from the conversation).</summary>
    public int? ForcedStatus { get; set; }

    /// <summary>Retry-After seconds sent with a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Statuses to answer, in order, to the next posts into one conversation (then 200 again).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<int>> ScriptedStatuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Statuses to answer, in order, to the next updates (PUT) of activities in one conversation (then 200 again).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<int>> ScriptedUpdateStatuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Like Teams' per-bot limit: beyond this many posts in any one-second window, answer 429.</summary>
    public int? RequestsPerSecondLimit { get; set; }

    /// <summary>Posts that Teams accepted (2xx), i.e. messages a person actually received.</summary>
    public IReadOnlyList<ConnectorRequest> Delivered => [.. _requests.Where(request => request.Method == "POST" && request.Status is >= 200 and < 300)];

    /// <summary>Who Teams says each account is, by its 29: id: the conversation-member call's answer.</summary>
    public ConcurrentDictionary<string, TeamsMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Status code to answer member lookups with instead of the member (403, 404, 429).</summary>
    public int? MemberLookupStatus { get; set; }

    /// <summary>Delay before answering a member lookup (to make the bot's lookup time out).</summary>
    public TimeSpan MemberLookupDelay { get; set; }

    /// <summary>The member lookups the bot made (GET /v3/conversations/{id}/members/{userId}).</summary>
    public IReadOnlyList<ConnectorRequest> MemberLookups => [.. _requests.Where(request => request.Method == "GET" && request.Path.Contains("/members/", StringComparison.Ordinal))];

    public void Script(string conversationId, params int[] statuses) => ScriptedStatuses[conversationId] = new ConcurrentQueue<int>(statuses);

    public void ScriptUpdates(string conversationId, params int[] statuses) => ScriptedUpdateStatuses[conversationId] = new ConcurrentQueue<int>(statuses);

    /// <summary>The updates (PUT) of one activity the bot sent earlier.</summary>
    public IReadOnlyList<ConnectorRequest> UpdatesOf(string activityId) =>
        [.. _requests.Where(request => request.Method == "PUT" && request.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal))];

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeTeamsConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", connector.RecordAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{**rest}", connector.RecordAsync);
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", connector.LookUpMemberAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived (the bot sends asynchronously).</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Requests;
    }

    private bool OverRateLimit()
    {
        if (RequestsPerSecondLimit is not { } limit)
        {
            return false;
        }

        lock (_window)
        {
            var now = DateTime.UtcNow;
            while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1))
            {
                _window.Dequeue();
            }

            if (_window.Count >= limit)
            {
                return true;
            }

            _window.Enqueue(now);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> LookUpMemberAsync(HttpContext http, string conversationId, string userId)
    {
        var status = MemberLookupStatus ?? (Members.ContainsKey(Uri.UnescapeDataString(userId)) ? 200 : 404);
        _requests.Enqueue(new ConnectorRequest("GET", http.Request.Path, Uri.UnescapeDataString(conversationId), [], status, DateTimeOffset.UtcNow));
        if (MemberLookupDelay > TimeSpan.Zero)
        {
            await Task.Delay(MemberLookupDelay, http.RequestAborted);
        }

        if (status != 200)
        {
            return Refuse(http, status, status == 404 ? "MemberNotFoundInConversation" : "Forced");
        }

        // Serialised with the web defaults (camelCase), as the connector's TeamsChannelAccount: id, name, aadObjectId, email, userPrincipalName, tenantId.
        return Results.Json(Members[Uri.UnescapeDataString(userId)]);
    }

    private async Task<IResult> RecordAsync(HttpContext http, string conversationId)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var conversation = Uri.UnescapeDataString(conversationId);
        var status = ForcedStatus
            ?? (http.Request.Method == "PUT" && ScriptedUpdateStatuses.TryGetValue(conversation, out var updates) && updates.TryDequeue(out var forUpdate) ? forUpdate
            : ScriptedStatuses.TryGetValue(conversation, out var script) && script.TryDequeue(out var next) ? next : OverRateLimit() ? 429 : 200);
        var activityId = status == 200 && http.Request.Method == "POST" ? $"activity-{Interlocked.Increment(ref _nextId)}" : null;
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, http.Request.Path, conversation, body, status, DateTimeOffset.UtcNow, activityId));
        if (status != 200)
        {
            return Refuse(http, status, "Forced");
        }

        return Results.Json(new { id = activityId ?? $"activity-{Interlocked.Increment(ref _nextId)}" });
    }

    private IResult Refuse(HttpContext http, int status, string code)
    {
        if (status == 429)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(new { error = new { code, message = $"forced {status}" } }, statusCode: status);
    }
}
