namespace BepBot.Features.Roster;

public sealed class RosterOptions
{
    public const string Section = "Roster";

    /// <summary>A roster CSV imported at start when the store has no roster yet.</summary>
    public string? SeedCsvPath { get; set; }

    /// <summary>Seed the Agents Playground demo roster when the store has no roster and no CSV is configured (local play only).</summary>
    public bool SeedDemo { get; set; }
}
