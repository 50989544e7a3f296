using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// The delivery queue's name, prefixed with the store's container so that several environments (or test hosts)
/// sharing one storage account never work each other's deliveries.
/// </summary>
public sealed class DeliveryQueueName(IOptions<StorageOptions> storage)
{
    public string Name { get; } = $"{storage.Value.Container}-deliveries".ToLowerInvariant();
}
