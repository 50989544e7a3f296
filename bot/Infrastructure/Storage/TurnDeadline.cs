namespace BepBot.Infrastructure.Storage;

/// <summary>
/// When the turn under way must have its store calls done, so that it can still answer within the ~15 s Teams waits.
/// Set where an activity arrives; it flows to every call the turn makes, and to work the turn starts and leaves running
/// (a seminar's take-in rounds), which then stops retrying at the same moment. Hosted services (jobs, the delivery
/// worker) run without one.
/// </summary>
public static class TurnDeadline
{
    private static readonly AsyncLocal<DateTimeOffset?> Deadline = new();

    public static DateTimeOffset? Current => Deadline.Value;

    /// <summary>Sets the deadline until the returned scope is disposed.</summary>
    public static IDisposable Begin(DateTimeOffset deadline)
    {
        var outer = Deadline.Value;
        Deadline.Value = deadline;
        return new Scope(outer);
    }

    private sealed class Scope(DateTimeOffset? outer) : IDisposable
    {
        public void Dispose() => Deadline.Value = outer;
    }
}
