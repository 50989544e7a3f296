using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Storage;

public static class StorageRegistration
{
    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton(services =>
            new LocalFolderDocumentStore(Path.Combine(builder.Environment.ContentRootPath, services.GetRequiredService<IOptions<StorageOptions>>().Value.LocalFolder)));
        builder.Services.AddSingleton<IDocumentStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Blob => new BlobDocumentStore(CreateContainerClient(options, services.GetRequiredService<TimeProvider>())),
                _ => services.GetRequiredService<LocalFolderDocumentStore>(),
            };
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<BepBotMetrics>();
        builder.Services.AddSingleton<IActivityClaims>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clock = services.GetRequiredService<TimeProvider>();
            return options.Provider switch
            {
                StorageProvider.Blob => new TableActivityClaims(CreateTableClient(options, clock), clock, options.ActivityClaimLease, services.GetRequiredService<BepBotMetrics>()),
                _ => new DocumentActivityClaims(services.GetRequiredService<IDocumentStore>(), clock, options.ActivityClaimLease),
            };
        });
        builder.Services.AddHostedService<ActivityClaimPurger>();
        builder.Services.AddHostedService<TemporaryFileSweeper>();
        return builder;
    }

    private static TableClient CreateTableClient(StorageOptions options, TimeProvider clock)
    {
        var clientOptions = Bounded(TurnDeadlineRetryPolicy.Install(new TableClientOptions(), clock), options, clock);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableClient(options.ConnectionString, options.ClaimsTableName, clientOptions);
        }

        return new TableClient(StorageAccountUris.ServiceUriFor(RequiredServiceUri(options), "table"), options.ClaimsTableName, new DefaultAzureCredential(), clientOptions);
    }

    private static BlobContainerClient CreateContainerClient(StorageOptions options, TimeProvider clock)
    {
        var clientOptions = Bounded(TurnDeadlineRetryPolicy.Install(new BlobClientOptions(), clock), options, clock);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobContainerClient(options.ConnectionString, options.Container, clientOptions);
        }

        return new BlobServiceClient(RequiredServiceUri(options), new DefaultAzureCredential(), clientOptions).GetBlobContainerClient(options.Container);
    }

    /// <summary>
    /// At most <see cref="StorageOptions.MaxConnectionsPerService"/> connections: a burst of 1,000 clicks queues its store
    /// calls on them instead of opening 1,000 sockets at once, which the service must accept before it answers anything
    /// (Azurite, one Node process, spent the first seconds of such a burst doing only that). The calls waiting for one
    /// go in the order of their deadlines, and calls outside a turn take only a few of them while turns' calls are under
    /// way (<see cref="EarliestDeadlineFirstPolicy"/>).
    /// </summary>
    private static T Bounded<T>(T clientOptions, StorageOptions options, TimeProvider clock)
        where T : ClientOptions
    {
        clientOptions.Transport = new HttpClientTransport(new SocketsHttpHandler { MaxConnectionsPerServer = options.MaxConnectionsPerService });
        clientOptions.AddPolicy(new EarliestDeadlineFirstPolicy(options.MaxConnectionsPerService, options.BackgroundCallsWhileTurns, options.TurnDeadlineAfter, clock), HttpPipelinePosition.PerRetry);
        return clientOptions;
    }

    private static Uri RequiredServiceUri(StorageOptions options) => options.ServiceUri
        ?? throw new InvalidOperationException("Storage:Provider is Blob but neither Storage:ConnectionString nor Storage:ServiceUri is set.");
}
