using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Harness;

/// <summary>A request the fake Graph received: what the real Microsoft.Graph SDK put on the wire.</summary>
public sealed record GraphRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>What a route answers; <paramref name="Json"/> null means no body.</summary>
public sealed record GraphResponse(int Status, JsonNode? Json = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static GraphResponse Ok(JsonNode json) => new(200, json);

    public static GraphResponse Created(JsonNode json) => new(201, json);

    public static GraphResponse NoContent { get; } = new(204);

    public static GraphResponse Error(int status, string code, string message, TimeSpan? retryAfter = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } },
            retryAfter is { } delay ? new Dictionary<string, string> { ["Retry-After"] = ((int)delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) } : null);
}

/// <summary>
/// A local stand-in for https://graph.microsoft.com on 127.0.0.1: tests register routes (method + path regex under
/// /v1.0), can make the next N matching requests fail (429, 503, 403…), and read every request with its body.
/// Unmatched requests get 404 with a Graph error body and are recorded too.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly List<(string Method, Regex Path, Func<GraphRequest, GraphResponse> Handler)> _routes = [];
    private readonly List<Failure> _failures = [];
    private readonly Lock _gate = new();

    private FakeGraphServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return server;
    }

    /// <param name="pathPattern">A regex matched against the whole path after /v1.0, e.g. <c>/users/[^/]+/events</c>.</param>
    public FakeGraphServer On(string method, string pathPattern, Func<GraphRequest, GraphResponse> handler)
    {
        lock (_gate)
        {
            _routes.Add((method.ToUpperInvariant(), new Regex("^" + pathPattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), handler));
        }

        return this;
    }

    /// <summary>The next <paramref name="times"/> requests matching method and path answer this error instead of the route.</summary>
    public FakeGraphServer FailNext(string method, string pathPattern, int status, int times = 1, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _failures.Add(new Failure(method.ToUpperInvariant(), new Regex("^" + pathPattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), status, times, retryAfter));
        }

        return this;
    }

    public IReadOnlyList<GraphRequest> RequestsTo(string method, string pathPattern)
    {
        var path = new Regex("^" + pathPattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return Requests.Where(request => string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) && path.IsMatch(request.Path)).ToList();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? string.Empty;
        path = path.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? path[5..] : path;
        var request = new GraphRequest(
            context.Request.Method.ToUpperInvariant(),
            Uri.UnescapeDataString(path),
            context.Request.QueryString.Value ?? string.Empty,
            body,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            DateTimeOffset.UtcNow);
        _requests.Enqueue(request);

        var response = Answer(request);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Json.ToJsonString());
        }
    }

    private GraphResponse Answer(GraphRequest request)
    {
        Func<GraphRequest, GraphResponse>? handler;
        lock (_gate)
        {
            var failure = _failures.FirstOrDefault(candidate => candidate.Remaining > 0 && candidate.Method == request.Method && candidate.Path.IsMatch(request.Path));
            if (failure is not null)
            {
                failure.Remaining--;
                return GraphResponse.Error(failure.Status, failure.Status == 429 ? "TooManyRequests" : "ServiceError", $"Injected failure {failure.Status}", failure.RetryAfter);
            }

            handler = _routes.LastOrDefault(route => route.Method == request.Method && route.Path.IsMatch(request.Path)).Handler;
        }

        return handler is null
            ? GraphResponse.Error(404, "ResourceNotFound", $"No fake route for {request.Method} {request.Path}")
            : handler(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Failure(string method, Regex path, int status, int times, TimeSpan? retryAfter)
    {
        public string Method { get; } = method;

        public Regex Path { get; } = path;

        public int Status { get; } = status;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public int Remaining { get; set; } = times;
    }
}
