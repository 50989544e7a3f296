using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Storage;

public static class StorageRegistration
{
    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<IDocumentStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Blob => new BlobDocumentStore(CreateContainerClient(options)),
                _ => new LocalFolderDocumentStore(Path.Combine(builder.Environment.ContentRootPath, options.LocalFolder)),
            };
        });
        return builder;
    }

    private static BlobContainerClient CreateContainerClient(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobContainerClient(options.ConnectionString, options.Container);
        }

        var serviceUri = options.ServiceUri
            ?? throw new InvalidOperationException("Storage:Provider is Blob but neither Storage:ConnectionString nor Storage:ServiceUri is set.");
        return new BlobServiceClient(serviceUri, new DefaultAzureCredential()).GetBlobContainerClient(options.Container);
    }
}
