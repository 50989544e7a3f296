namespace BepBot.Chat.Dashboard;

/// <summary>Label–value pairs (date, place, quorum…), with an optional paragraph of text above them.</summary>
public sealed record FactsBlock(string Heading, IReadOnlyList<Fact> Facts, string? Text = null) : DashboardBlock(Heading);
