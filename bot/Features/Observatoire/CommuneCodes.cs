using BepBot.Platform.Territory;

namespace BepBot.Features.Observatoire;

/// <summary>
/// The official NIS (INS) codes of the 40 communes, as Statbel's REFNIS assigns them, so that data sets exported
/// from Statbel, IWEPS or WalStat can name communes by code. 91: arrondissement of Dinant, 92: Namur,
/// 93: Philippeville, 25: Nivelles (Brabant wallon), 56: Thuin (Hainaut).
/// </summary>
public static class CommuneCodes
{
    public static IReadOnlyDictionary<string, string> ByCommune { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Bassin de Namur-Capitale
        ["Andenne"] = "92003",
        ["Assesse"] = "92006",
        ["Chastre"] = "25117",
        ["Eghezée"] = "92035",
        ["Fernelmont"] = "92138",
        ["Floreffe"] = "92045",
        ["Fosses-la-Ville"] = "92048",
        ["Gembloux"] = "92142",
        ["Gesves"] = "92054",
        ["Jemeppe-sur-Sambre"] = "92140",
        ["La Bruyère"] = "92141",
        ["Namur"] = "92094",
        ["Ohey"] = "92097",
        ["Profondeville"] = "92101",
        ["Sombreffe"] = "92114",
        ["Walhain"] = "25124",

        // Dinant-Meuse-Condroz
        ["Anhée"] = "91005",
        ["Beauraing"] = "91013",
        ["Bièvre"] = "91015",
        ["Ciney"] = "91030",
        ["Dinant"] = "91034",
        ["Onhaye"] = "91103",
        ["Gedinne"] = "91054",
        ["Hamois"] = "91059",
        ["Hastière"] = "91142",
        ["Havelange"] = "91064",
        ["Houyet"] = "91072",
        ["Vresse-sur-Semois"] = "91143",
        ["Yvoir"] = "91141",

        // Essaimage (Entre-Sambre-et-Meuse)
        ["Cerfontaine"] = "93010",
        ["Chimay"] = "56016",
        ["Couvin"] = "93014",
        ["Doische"] = "93018",
        ["Florennes"] = "93022",
        ["Froidchapelle"] = "56029",
        ["Mettet"] = "92087",
        ["Momignies"] = "56051",
        ["Philippeville"] = "93056",
        ["Viroinval"] = "93090",
        ["Walcourt"] = "93088",
    };

    private static readonly Dictionary<string, Commune> CommunesByCode = ByCommune.ToDictionary(
        entry => entry.Value, entry => TerritoryMap.FindCommune(entry.Key)!, StringComparer.Ordinal);

    public static string Of(Commune commune) => ByCommune[commune.Name];

    /// <summary>A commune by its name as the seed spells it (accents and case aside) or by its five-digit NIS code.</summary>
    public static Commune? Find(string? nameOrCode)
    {
        var text = nameOrCode?.Trim() ?? string.Empty;
        return text.Length == 5 && text.All(char.IsAsciiDigit)
            ? CommunesByCode.GetValueOrDefault(text)
            : TerritoryMap.FindCommune(text);
    }
}
