namespace BepBot.Features.Votes;

public sealed class VotesOptions
{
    public const string Section = "Votes";

    /// <summary>Seed an open demo ballot (local play only).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>How long before the close the reminder goes to communes that have not voted.</summary>
    public TimeSpan ReminderBeforeClose { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After the close, how long to let votes already past their checks land before counting.</summary>
    public TimeSpan CloseSettle { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The background sealer chains a ballot's audit events once they pause this long…</summary>
    public TimeSpan AuditSealQuiet { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>…or at the latest this long after the first unsealed one (close, exports and verification seal at once).</summary>
    public TimeSpan AuditSealMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Below this many voting communes, staff are warned that a secret ballot's result could reveal each vote.</summary>
    public int SecretMinimumElectorate { get; set; } = 5;
}
