using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace BepBot.Infrastructure.Graph;

/// <summary>
/// The one GraphServiceClient of the bot, or the fact that there is none (local play without Graph: features
/// say so to staff instead of failing). The SDK's default middleware retries 429/503/504 honouring Retry-After.
/// </summary>
public sealed class GraphGateway : IDisposable
{
    private readonly HttpClient? _httpClient;

    public GraphGateway(IOptions<GraphOptions> options)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return;
        }

        _httpClient = GraphClientFactory.Create();
        var credential = GraphCredentials.Create(settings);
        IAuthenticationProvider authentication = credential is not null
            ? new AzureIdentityAuthenticationProvider(
                credential,
                allowedHosts: [new Uri(settings.BaseUrl).Host],
                scopes: ["https://graph.microsoft.com/.default"])
            : new AnonymousAuthenticationProvider();
        Client = new GraphServiceClient(_httpClient, authentication, settings.BaseUrl.TrimEnd('/'));
    }

    public bool IsConfigured => Client is not null;

    /// <summary>Null when Graph is not configured: check <see cref="IsConfigured"/> first.</summary>
    public GraphServiceClient? Client { get; }

    public void Dispose() => _httpClient?.Dispose();
}
