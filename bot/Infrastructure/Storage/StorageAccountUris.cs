namespace BepBot.Infrastructure.Storage;

/// <summary>
/// With a managed identity the configuration gives only the blob service URI; the account's other services
/// (queue, table) sit at the same host with the service label swapped.
/// </summary>
public static class StorageAccountUris
{
    public static Uri ServiceUriFor(Uri blobServiceUri, string service)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        var labels = blobServiceUri.Host.Split('.');
        var blob = Array.FindIndex(labels, label => label.Equals("blob", StringComparison.OrdinalIgnoreCase));
        if (blob != 1)
        {
            throw new InvalidOperationException(
                $"Cannot derive the {service} service from '{blobServiceUri}' (expected <account>.blob.<suffix>): set Storage:ConnectionString instead.");
        }

        labels[blob] = service;
        return new UriBuilder(blobServiceUri) { Host = string.Join('.', labels) }.Uri;
    }
}
