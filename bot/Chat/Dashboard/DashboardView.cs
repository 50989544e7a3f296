namespace BepBot.Chat.Dashboard;

/// <summary>
/// What a page shows, already worded and formatted for the reader (texts from the feature's resources, dates in
/// Belgian French): the tab only lays the blocks out, so no rule or wording lives in the browser.
/// </summary>
/// <param name="RefreshSeconds">Set while the page shows something live (an open ballot): the tab reloads it that often.</param>
/// <param name="Back">Where « Retour » leads, as a page link (e.g. <c>votes</c>), for detail pages.</param>
public sealed record DashboardView(string Title, IReadOnlyList<DashboardBlock> Blocks, int? RefreshSeconds = null, string? Back = null);
