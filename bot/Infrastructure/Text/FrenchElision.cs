namespace BepBot.Infrastructure.Text;

/// <summary>
/// Whether French elides « de », « le », « la », « que » before a word: « d'Andenne », « d'Éghezée », « d'Yvoir »,
/// « qu'Anne Dupont », but « de Havelange », « de Yannick », « de 8 communes ».
/// </summary>
public static class FrenchElision
{
    // Before h, French elides only when the h is mute, which the spelling does not tell. The default is an
    // aspirated h, as the communes of Hamois, Havelange and Houyet write their own names (« commune de Houyet »);
    // Hastière's h is mute: its commune, its cultural centre and the local press write « d'Hastière ».
    // A name read wrong here is added to this list.
    private static readonly HashSet<string> MuteH = new(StringComparer.Ordinal) { "hastiere" };

    // Words that start with a vowel but are said as if they did not: « de onze », « le oui ».
    private static readonly HashSet<string> NoElision = new(StringComparer.Ordinal) { "onze", "onzieme", "oui", "ouistiti" };

    private const string Vowels = "aeiou";

    /// <summary>True when a word elided before <paramref name="following"/> (« de » becomes « d' »); markdown emphasis is looked through.</summary>
    public static bool Elides(string following)
    {
        ArgumentNullException.ThrowIfNull(following);
        var word = FirstWord(following);
        if (word.Length == 0 || NoElision.Contains(word))
        {
            return false;
        }

        return word[0] switch
        {
            'h' => MuteH.Contains(word),
            // Y before a consonant is a vowel (Yvoir, Yves), before a vowel a consonant (Yannick, Yolande).
            'y' => word.Length > 1 && !Vowels.Contains(word[1], StringComparison.Ordinal) && word[1] != 'y',
            _ => Vowels.Contains(word[0], StringComparison.Ordinal),
        };
    }

    // "**Éghezée-Sud, 2026**" -> "eghezee": folded (no accents, lower case), up to the first character that is not a letter.
    private static string FirstWord(string text)
    {
        var start = 0;
        while (start < text.Length && text[start] is '*' or '_')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return TextFolding.Fold(text[start..end]);
    }
}
