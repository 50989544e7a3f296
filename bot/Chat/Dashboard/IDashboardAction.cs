using System.Text.Json;

namespace BepBot.Chat.Dashboard;

/// <summary>
/// A change made from the tab (tick a person present, give a seat, remind the communes that have not voted), named by
/// a verb like a card action. <paramref name="data"/> in <see cref="RunAsync"/> is untrusted: validate it against the
/// store and the person's role, exactly as the chat does for the same change (call the same service).
/// </summary>
public interface IDashboardAction
{
    /// <summary>E.g. <c>labs.attendance</c>; the tab posts to /tab/api/actions/{verb}.</summary>
    string Verb { get; }

    /// <summary>Whether this person may run it at all; the edge answers 403 otherwise. Per-item rules stay in RunAsync.</summary>
    bool IsAllowed(ChatUser user);

    Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken);
}
