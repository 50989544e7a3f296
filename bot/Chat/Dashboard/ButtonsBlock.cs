namespace BepBot.Chat.Dashboard;

/// <summary>A row of buttons for the page as a whole (close the ballot, export, remind those who have not answered).</summary>
public sealed record ButtonsBlock(string Heading, IReadOnlyList<DashboardButton> Buttons) : DashboardBlock(Heading);
