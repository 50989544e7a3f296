namespace BepBot.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.LocalFolder;

    /// <summary>Folder of the embedded store, relative to the content root.</summary>
    public string LocalFolder { get; set; } = ".data";

    /// <summary>Azure Storage connection string (Azurite: UseDevelopmentStorage=true). Takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob service URI, used with the app's managed identity when no connection string is set.</summary>
    public Uri? ServiceUri { get; set; }

    public string Container { get; set; } = "bepbot";

    /// <summary>Azure Table of the activity claims (Blob provider); by default the container's name, letters and digits only, + "activities".</summary>
    public string? ClaimsTable { get; set; }

    /// <summary>How long an activity's claim is kept: Teams resends an unanswered activity within seconds, so days are plenty.</summary>
    public TimeSpan ActivityClaimRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each instance purges the claims older than <see cref="ActivityClaimRetention"/>.</summary>
    public TimeSpan ActivityClaimPurgeInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a running turn keeps its activity's claim: a resend within it is told the action is in progress, one
    /// after it runs the turn again (the first one's process is taken for dead). Teams waits about 15 s for an answer.
    /// </summary>
    public TimeSpan ActivityClaimLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long after an activity arrives its turn's store calls stop being retried (<see cref="TurnDeadline"/>): Teams
    /// waits about 15 s for an answer, and the turn needs the rest to finish and answer, be it with the apology.
    /// </summary>
    public TimeSpan TurnDeadlineAfter { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// How long a click kept in its claim (answered « pris en compte », its work going on) may stay uncompleted before
    /// any instance takes it for abandoned by an instance that died and runs it again: longer than a burst's backlog.
    /// </summary>
    public TimeSpan AbandonedClickAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many connections one instance opens to each storage service (blobs, the claims table).</summary>
    public int MaxConnectionsPerService { get; set; } = 64;

    /// <summary>
    /// How many of those connections calls outside a turn (deliveries, jobs) may take while turns' calls are under way:
    /// the rest is kept for the people waiting for an answer. Enough for a broadcast at Teams' pace (a few store calls
    /// per recipient, tens of milliseconds each).
    /// </summary>
    public int BackgroundCallsWhileTurns { get; set; } = 8;

    /// <summary>How often each instance looks for kept clicks whose instance died before their work ended.</summary>
    public TimeSpan AbandonedClickScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Local folder store: how old a temporary file must be before it counts as left by an interrupted write and is
    /// deleted at start (a live write takes milliseconds).
    /// </summary>
    public TimeSpan AbandonedTemporaryFileAge { get; set; } = TimeSpan.FromMinutes(1);

    public string ClaimsTableName => ClaimsTable ?? DefaultClaimsTable(Container);

    // Table names are 3-63 letters and digits, starting with a letter; container names also allow '-'.
    private static string DefaultClaimsTable(string container)
    {
        var name = new string(container.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant() + "activities";
        name = char.IsAsciiLetter(name[0]) ? name : "t" + name;
        return name[..Math.Min(63, name.Length)];
    }
}
