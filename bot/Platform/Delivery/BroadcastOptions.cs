namespace BepBot.Platform.Delivery;

public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>Seed a finished demo announcement with its delivery report (local play only; nothing is sent).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// Deliveries in flight at once per bot instance. Each spends its store calls (claim, render, outcome, the queue
    /// message's deletion) besides its turn at the pacer: with 16, a store that answers in 300 ms (Azurite on a busy host)
    /// capped the pace at about 25 a second; with 48 (refilled when half are done) a broadcast to 2,000 on Azurite spent
    /// 1.4 s per delivery and went out at 31 a second. 128 keep Teams' 48 a second fed up to two seconds of store time
    /// per delivery; the pacer, not this, sets the pace.
    /// </summary>
    public int Concurrency { get; set; } = 128;

    /// <summary>Attempts per recipient before the delivery is reported as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled at each attempt, with jitter (unless Teams says Retry-After).</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a worker owns a delivery it is sending; after that another instance may take it over.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the author's status card is refreshed while a broadcast runs.</summary>
    public TimeSpan StatusRefreshInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the worker waits when the queue is empty.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
