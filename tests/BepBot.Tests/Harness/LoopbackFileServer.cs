using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Harness;

/// <summary>Stands in for the SharePoint/OneDrive download link Teams gives a bot for an uploaded file.</summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFileServer(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A status to answer for a file instead of its content (a link that fails).</summary>
    public ConcurrentDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>How long to wait before answering for a file (a link that hangs).</summary>
    public ConcurrentDictionary<string, TimeSpan> Delays { get; } = new(StringComparer.Ordinal);

    /// <summary>What the bot PUT to an upload address (Teams' OneDrive upload session after a file consent): bytes and Content-Range.</summary>
    public ConcurrentDictionary<string, (byte[] Content, string? ContentRange)> Uploads { get; } = new(StringComparer.Ordinal);

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<LoopbackFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackFileServer(app);
        app.MapGet("/files/{name}", async (string name, CancellationToken aborted) =>
        {
            server.Requests.Enqueue(name);
            if (server.Delays.TryGetValue(name, out var delay))
            {
                await Task.Delay(delay, aborted);
            }

            return server.Statuses.TryGetValue(name, out var status) ? Results.StatusCode(status)
                : server.Files.TryGetValue(name, out var content) ? Results.Bytes(content, "application/octet-stream")
                : Results.NotFound();
        });
        app.MapPut("/uploads/{name}", async (string name, HttpRequest request, CancellationToken aborted) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, aborted);
            server.Uploads[name] = (body.ToArray(), request.Headers.ContentRange.ToString());
            return Results.Created();
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>An upload address as Teams gives one in a file-consent accept.</summary>
    public string UploadUrl(string name) => $"{BaseUrl}/uploads/{name}";

    public string Serve(string name, byte[] content)
    {
        Files[name] = content;
        return $"{BaseUrl}/files/{name}";
    }

    /// <summary>What Teams posts when <paramref name="user"/> sends a file to the bot: a download link served from here.</summary>
    public Task<BotResponse> UploadAsync(TeamsClient client, TeamsUser user, string fileName, byte[] content, ConversationType type = ConversationType.Personal)
    {
        var url = Serve(fileName, content);
        return client.PostAsync(client.Activity(user, "message", type, null, activity =>
        {
            activity["text"] = string.Empty;
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = "https://contoso.sharepoint.com/personal/alex/Documents/" + fileName,
                ["name"] = fileName,
                ["content"] = new JsonObject { ["downloadUrl"] = url, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(fileName).TrimStart('.') },
            });
        }));
    }

    /// <summary>What the Agents Playground posts when <paramref name="user"/> attaches a file: its type, name and a content link.</summary>
    public Task<BotResponse> AttachAsync(TeamsClient client, TeamsUser user, string fileName, string contentType, byte[] content)
    {
        var url = Serve(fileName, content);
        return client.PostAsync(client.Activity(user, "message", ConversationType.Personal, null, activity =>
        {
            activity["text"] = string.Empty;
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = contentType, ["contentUrl"] = url, ["name"] = fileName });
        }));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
