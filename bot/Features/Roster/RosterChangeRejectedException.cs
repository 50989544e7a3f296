namespace BepBot.Features.Roster;

/// <summary>The change no longer fits the latest roster (e.g. someone else added the same person meanwhile).</summary>
public sealed class RosterChangeRejectedException : Exception
{
    public RosterChangeRejectedException()
    {
    }

    public RosterChangeRejectedException(string message)
        : base(message)
    {
    }

    public RosterChangeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
