namespace BepBot.Platform.Delivery;

/// <summary>What the worker does with the queue message: done (delete it) or look again after a delay.</summary>
public readonly record struct DeliveryResult(bool Done, TimeSpan Delay)
{
    public static DeliveryResult Finished { get; } = new(true, TimeSpan.Zero);

    public static DeliveryResult Later(TimeSpan delay) => new(false, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
}
