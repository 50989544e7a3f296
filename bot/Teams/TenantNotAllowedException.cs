namespace BepBot.Teams;

public sealed class TenantNotAllowedException : Exception
{
    public TenantNotAllowedException()
    {
    }

    public TenantNotAllowedException(string message)
        : base(message)
    {
    }

    public TenantNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
