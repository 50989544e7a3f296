namespace BepBot.Infrastructure.Storage;

/// <summary>What a delivery of an activity found when it claimed it.</summary>
public enum ActivityClaimStatus
{
    /// <summary>The first delivery, or the first since an earlier one's turn failed and released the claim: it runs the turn.</summary>
    Claimed,

    /// <summary>An earlier delivery's lease ran out before its turn completed (its process died or hung): this one runs the turn instead.</summary>
    TakenOver,

    /// <summary>An earlier delivery is still running the turn within its lease: this one must not run it.</summary>
    Running,

    /// <summary>An earlier delivery completed the turn.</summary>
    Completed,
}
