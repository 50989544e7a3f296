using System.Text.Json.Nodes;

namespace BepBot.Chat.Dashboard;

/// <summary>A small form posted as <paramref name="Verb"/> with its fields' values merged into <paramref name="Data"/> (e.g. a roster import).</summary>
public sealed record FormBlock(
    string Heading,
    string Verb,
    IReadOnlyList<FormField> Fields,
    string SubmitLabel,
    JsonObject? Data = null,
    string? Text = null) : DashboardBlock(Heading);
