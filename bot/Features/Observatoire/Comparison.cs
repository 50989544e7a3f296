namespace BepBot.Features.Observatoire;

/// <summary>How a commune stands in the year of its latest figure: medians and rank over the communes that have a value that year.</summary>
/// <param name="Rank">1 for the highest value of the bassin; communes with equal values share a rank.</param>
public sealed record Comparison(
    int Year,
    decimal? BassinMedian,
    int BassinWithValue,
    int BassinSize,
    decimal? TerritoryMedian,
    int TerritoryWithValue,
    int TerritorySize,
    int Rank);
