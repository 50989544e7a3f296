using System.Globalization;
using System.Text;

namespace BepBot.Infrastructure.Text;

/// <summary>Accent-, case- and spacing-insensitive form of a text, for matching what people type.</summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var normalized = character switch
            {
                '’' or '‘' or '`' or '´' => '\'',
                'œ' or 'Œ' => 'o',
                _ => char.ToLowerInvariant(character),
            };
            if (char.IsWhiteSpace(normalized) || normalized is '\u00a0' or '\u202f')
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(normalized);
            if (character is 'œ' or 'Œ')
            {
                folded.Append('e');
            }
        }

        return folded.ToString();
    }
}
