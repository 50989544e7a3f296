namespace BepBot.Platform.CommunePages;

/// <param name="EmptyText">Shown instead of lines when there are none ("Aucun séminaire à venir").</param>
/// <param name="IsDemo">The section shows demonstration data, which the page then says.</param>
public sealed record CommunePageSection(string Title, IReadOnlyList<CommunePageLine> Lines, string? EmptyText = null, bool IsDemo = false);
