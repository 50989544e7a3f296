namespace BepBot.Features.Roster;

public sealed class RosterOptions
{
    public const string Section = "Roster";

    /// <summary>A roster CSV imported at start when the store has no roster yet.</summary>
    public string? SeedCsvPath { get; set; }

    /// <summary>Seed the Agents Playground demo roster when the store has no roster and no CSV is configured (local play only).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// The tenant of the roster entries that name none (a CSV without a tenantId column, a member added in Teams): the
    /// BEP's. Not set: such entries match no one.
    /// </summary>
    public string? DefaultTenantId { get; set; }

    /// <summary>
    /// How long a roster import's preview can be confirmed. Its rows (a copy of the file) are deleted once it is older,
    /// at the next file a staff member sends.
    /// </summary>
    public TimeSpan ImportPreviewLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a roster read is reused before reading it again (zero: read it on every use).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
