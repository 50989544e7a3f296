namespace BepBot.Cards;

// Only the locales of adaptive-expressions' localeInfo table that BepBot may want; others are refused.
internal sealed record NumberLocale(string Name, string Decimal, string Thousands)
{
    public static readonly NumberLocale EnglishUs = new("en-US", ".", ",");
    public static readonly NumberLocale FrenchFrance = new("fr-FR", ",", "\u00A0");

    public static NumberLocale? Find(string name) => name switch
    {
        "en-US" => EnglishUs,
        "fr-FR" => FrenchFrance,
        _ => null,
    };
}
