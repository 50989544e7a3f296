namespace BepBot.Features.Labs;

/// <summary>A change that no longer fits the latest lab (closed, cancelled, deadline passed, not registered…): the text says why.</summary>
public sealed class LabChangeRejectedException : Exception
{
    public LabChangeRejectedException()
    {
    }

    public LabChangeRejectedException(string message)
        : base(message)
    {
    }

    public LabChangeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
