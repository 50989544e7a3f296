namespace BepBot.Chat.Dashboard;

/// <summary>
/// What the tab tells the person after a change (announced to screen readers), and the page to show next: null keeps
/// the page and reloads it; a view replaces it (an import's preview, then its confirmation). <paramref name="Download"/>
/// is a file the change made (an export's short-lived link), which the tab offers beside the message.
/// </summary>
public sealed record DashboardActionResult(bool Done, string Message, DashboardView? Next = null, string? Download = null)
{
    public static DashboardActionResult Refused(string message) => new(false, message);
}
