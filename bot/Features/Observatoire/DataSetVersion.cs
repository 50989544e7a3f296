namespace BepBot.Features.Observatoire;

/// <summary>One imported version of a data set, immutable once stored (a re-import makes the next version).</summary>
/// <param name="Origin">Where it came from: the uploaded file's name, the configured path, or "démonstration".</param>
public sealed record DataSetVersion(
    string DataSetId,
    int Version,
    string Name,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    string Origin,
    bool IsDemo,
    IReadOnlyList<Observation> Observations);
