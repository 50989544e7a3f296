using Azure.Identity;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Queues;

public static class WorkQueueRegistration
{
    /// <summary>The queue lives beside the document store: same provider, same account or folder (Storage section).</summary>
    public static IHostApplicationBuilder AddWorkQueue(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IWorkQueue>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Blob => CreateAzureQueue(options, services.GetRequiredService<TimeProvider>()),
                _ => new LocalFolderWorkQueue(
                    Path.Combine(builder.Environment.ContentRootPath, options.LocalFolder, "queues"),
                    services.GetRequiredService<TimeProvider>()),
            };
        });
        return builder;
    }

    private static AzureStorageWorkQueue CreateAzureQueue(StorageOptions options, TimeProvider clock)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new AzureStorageWorkQueue(options.ConnectionString, clock);
        }

        var blobServiceUri = options.ServiceUri
            ?? throw new InvalidOperationException("Storage:Provider is Blob but neither Storage:ConnectionString nor Storage:ServiceUri is set.");
        return new AzureStorageWorkQueue(AzureStorageWorkQueue.QueueServiceUriFor(blobServiceUri), new DefaultAzureCredential(), clock);
    }
}
