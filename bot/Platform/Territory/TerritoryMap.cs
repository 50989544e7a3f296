using BepBot.Infrastructure.Text;

namespace BepBot.Platform.Territory;

/// <summary>
/// The three bassins of the BEP's supracommunal programme and their 40 communes, spelt as the BEP's
/// own page spells them. Fixed data: it changes by a decision of the Walloon Region, not from chat.
/// </summary>
public static class TerritoryMap
{
    public static Bassin NamurCapitale { get; } = new(
        "namur-capitale",
        "Bassin de Namur-Capitale",
        "Namur-Capitale",
        ["Andenne", "Assesse", "Chastre", "Eghezée", "Fernelmont", "Floreffe", "Fosses-la-Ville", "Gembloux",
         "Gesves", "Jemeppe-sur-Sambre", "La Bruyère", "Namur", "Ohey", "Profondeville", "Sombreffe", "Walhain"]);

    public static Bassin DinantMeuseCondroz { get; } = new(
        "dinant-meuse-condroz",
        "Arrondissement de Dinant (Dinant-Meuse-Condroz)",
        "Dinant-Meuse-Condroz",
        ["Anhée", "Beauraing", "Bièvre", "Ciney", "Dinant", "Onhaye", "Gedinne", "Hamois", "Hastière",
         "Havelange", "Houyet", "Vresse-sur-Semois", "Yvoir"]);

    public static Bassin Essaimage { get; } = new(
        "essaimage",
        "Région Essaimage (Entre-Sambre-et-Meuse)",
        "Essaimage",
        ["Cerfontaine", "Chimay", "Couvin", "Doische", "Florennes", "Froidchapelle", "Mettet", "Momignies",
         "Philippeville", "Viroinval", "Walcourt"]);

    public static IReadOnlyList<Bassin> Bassins { get; } = [NamurCapitale, DinantMeuseCondroz, Essaimage];

    public static IReadOnlyList<Commune> Communes { get; } =
        [.. Bassins.SelectMany(bassin => bassin.Communes.Select(name => new Commune(name, bassin)))];

    private static readonly Dictionary<string, Commune> CommunesByFoldedName =
        Communes.ToDictionary(commune => TextFolding.Fold(commune.Name), StringComparer.Ordinal);

    /// <summary>Finds a commune whatever the case, accents or spacing ("eghezee", "LA BRUYERE").</summary>
    public static Commune? FindCommune(string? name) =>
        CommunesByFoldedName.GetValueOrDefault(TextFolding.Fold(name).Replace('\'', ' '));

    public static Bassin? FindBassin(string? idOrName)
    {
        var folded = TextFolding.Fold(idOrName);
        return Bassins.FirstOrDefault(bassin =>
            folded == bassin.Id || folded == TextFolding.Fold(bassin.ShortName) || folded == TextFolding.Fold(bassin.Name));
    }
}
