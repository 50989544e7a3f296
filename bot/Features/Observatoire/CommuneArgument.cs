namespace BepBot.Features.Observatoire;

/// <summary>What users type around a commune's name: "de Gembloux", "d'Andenne", "la commune de Ciney".</summary>
public static class CommuneArgument
{
    private static readonly string[] Prefixes = ["la commune de ", "la commune d'", "la commune d’", "commune de ", "commune d'", "commune d’", "de ", "d'", "d’", "du ", "of ", "for "];

    public static string Clean(string arguments)
    {
        var text = arguments.Trim().TrimEnd('?', '!', '.', ' ');
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var prefix in Prefixes)
            {
                if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    text = text[prefix.Length..].TrimStart();
                    changed = true;
                }
            }
        }

        return text;
    }

    public static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
