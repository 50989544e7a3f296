using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Observatoire;

/// <summary>Stands in for the SharePoint/OneDrive download link Teams gives a bot for an uploaded file.</summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackFileServer(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<LoopbackFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackFileServer(app);
        app.MapGet("/files/{name}", (string name) =>
        {
            server.Requests.Enqueue(name);
            return server.Files.TryGetValue(name, out var content) ? Results.Bytes(content, "application/octet-stream") : Results.NotFound();
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
