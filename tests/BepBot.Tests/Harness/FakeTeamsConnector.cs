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

/// <summary>A sent activity as the Bot Connector received it.</summary>
public sealed record ConnectorRequest(string Method, string Path, string ConversationId, JsonObject Activity);

/// <summary>
/// The Bot Connector service Teams runs, faked on loopback: records every activity the bot posts (replies sent
/// without expectReplies, proactive messages) and answers with a resource id like the real one.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private int _nextId;

    private FakeTeamsConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>Status code to answer with instead of 200 (e.g. 403 for a bot removed from the conversation).</summary>
    public int? ForcedStatus { get; set; }

    /// <summary>Retry-After seconds sent with <see cref="ForcedStatus"/> 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeTeamsConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", connector.RecordAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{**rest}", connector.RecordAsync);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> RecordAsync(HttpContext http, string conversationId)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, http.Request.Path, Uri.UnescapeDataString(conversationId), body));
        if (ForcedStatus is { } status)
        {
            if (status == 429)
            {
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(new { error = new { code = "Forced", message = $"forced {status}" } }, statusCode: status);
        }

        return Results.Json(new { id = $"activity-{Interlocked.Increment(ref _nextId)}" });
    }
}
