namespace BepBot.Chat.Dashboard;

/// <summary>Who asks, and the page's query (e.g. <c>ballot</c> = an id); the UI culture is already set by the edge.</summary>
public sealed record DashboardRequest(ChatUser User, IReadOnlyDictionary<string, string> Query)
{
    public string? this[string key] => Query.TryGetValue(key, out var value) ? value : null;
}
