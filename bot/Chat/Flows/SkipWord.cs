using BepBot.Infrastructure.Text;

namespace BepBot.Chat.Flows;

/// <summary>
/// The one word that skips an optional step of a flow: « passer » (English "skip"), named in each step's hint.
/// Earlier versions asked for « aucun » in some flows and « - » in others: those, and their usual variants,
/// are still accepted so that people who learnt them are not refused.
/// </summary>
public static class SkipWord
{
    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal)
    {
        "passer", "skip", "-", "aucun", "aucune", "rien", "none", "non", "no",
    };

    public static bool Matches(string input) => Accepted.Contains(TextFolding.Fold(input.Trim()));
}
