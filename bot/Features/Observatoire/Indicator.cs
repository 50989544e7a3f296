namespace BepBot.Features.Observatoire;

/// <summary>An indicator as the cards show it, with where its figures come from.</summary>
public sealed record Indicator(
    string Key,
    string Name,
    string Unit,
    string Source,
    string DataSetId,
    string DataSetName,
    int Version,
    DateTimeOffset ImportedAt,
    bool IsDemo,
    IReadOnlyList<int> Years);
