using BepBot.Platform.Territory;

namespace BepBot.Features.Observatoire;

/// <summary>
/// Invented figures for local play: six indicators for the 40 communes over 2019–2024, computed from a formula, not
/// taken from any statistic. Every card that shows them says "données de démonstration". A few figures are left out
/// on purpose (emploi for Doische and Onhaye, ménages in 2021 for Gesves) so the "pas de donnée" case can be seen.
/// </summary>
public static class DemoData
{
    public const string Name = "démonstration";
    public const string Source = "Données de démonstration (chiffres inventés)";
    public const int FirstYear = 2019;
    public const int LastYear = 2024;

    public static IReadOnlyList<Observation> Observations { get; } = Build();

    private static List<Observation> Build()
    {
        var rows = new List<Observation>();
        foreach (var (commune, index) in TerritoryMap.Communes.Select((commune, index) => (commune, index)))
        {
            var seed = Seed(commune.Name);
            var population = commune.Name == "Namur" ? 111_000m : 4_000m + (seed % 26_000);
            var area = 30m + (seed / 7 % 180) + ((seed % 10) / 10m);
            var growth = ((seed % 13) - 4) / 1000m;
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var people = decimal.Round(population * Pow(1 + growth, year - FirstYear));
                var households = decimal.Round(people / (2.2m + ((seed % 5) / 10m)));
                rows.Add(new(commune.Name, "Population", year, people, "habitants", Source));
                rows.Add(new(commune.Name, "Superficie", year, area, "km²", Source));
                rows.Add(new(commune.Name, "Densité de population", year, decimal.Round(people / area, 1), "hab./km²", Source));
                if (!(commune.Name == "Gesves" && year == 2021))
                {
                    rows.Add(new(commune.Name, "Ménages", year, households, "ménages", Source));
                }

                rows.Add(new(commune.Name, "Logements", year, decimal.Round(households * 1.06m), "logements", Source));
                if (commune.Name is not ("Doische" or "Onhaye"))
                {
                    rows.Add(new(commune.Name, "Emploi salarié", year, decimal.Round(people * (0.18m + ((seed + index) % 9 / 100m)) * Pow(1 + (growth * 2), year - FirstYear)), "postes", Source));
                }
            }
        }

        return rows;
    }

    // A stable number per commune (string.GetHashCode changes between runs).
    private static int Seed(string name) => name.Aggregate(17, (hash, character) => unchecked((hash * 31) + character)) & 0x7FFFFFFF;

    private static decimal Pow(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= value;
        }

        return result;
    }
}
