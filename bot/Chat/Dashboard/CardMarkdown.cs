using Markdig;

namespace BepBot.Chat.Dashboard;

/// <summary>
/// Text written for a card's markdown (« **Namur** », escapes such as « 1\. » or « \- ») as the tab shows it: the tab
/// lays every text out literally, so a section reused from a card is turned into plain text here, once.
/// </summary>
public static class CardMarkdown
{
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdown.ToPlainText(markdown).Trim();
}
