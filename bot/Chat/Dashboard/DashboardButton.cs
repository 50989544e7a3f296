using System.Text.Json.Nodes;

namespace BepBot.Chat.Dashboard;

/// <summary>
/// Either an action (<paramref name="Verb"/> posted with <paramref name="Data"/>, after <paramref name="Confirm"/> is
/// accepted when set) or a download (<paramref name="Href"/>, e.g. an export link). <paramref name="AccessibleLabel"/>
/// names the item for screen readers when the same button is repeated per row (« Relancer Andenne »).
/// </summary>
public sealed record DashboardButton(
    string Label,
    string? Verb = null,
    JsonObject? Data = null,
    string? Href = null,
    string? Confirm = null,
    string? AccessibleLabel = null,
    bool Primary = false);
