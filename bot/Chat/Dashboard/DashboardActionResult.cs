namespace BepBot.Chat.Dashboard;

/// <summary>
/// What the tab tells the person after a change (announced to screen readers), and the page to show next: null keeps
/// the page and reloads it; a view replaces it (an import's preview, then its confirmation).
/// </summary>
public sealed record DashboardActionResult(bool Done, string Message, DashboardView? Next = null)
{
    public static DashboardActionResult Refused(string message) => new(false, message);
}
