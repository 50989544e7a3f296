namespace BepBot.Features.Observatoire;

/// <summary>One figure of a data set: a commune's value for an indicator in a year, as the file gave it.</summary>
public sealed record Observation(string Commune, string Indicator, int Year, decimal Value, string Unit, string Source);

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

/// <param name="ContentHash">SHA-256 of the file, so that a configured file imported again at each start adds no version when unchanged.</param>
public sealed record DataSetVersionInfo(
    int Version, DateTimeOffset ImportedAt, string ImportedBy, string Origin, int RowCount, IReadOnlyList<string> Indicators, IReadOnlyList<string> Sources, string? ContentHash = null);

/// <summary>The head of a data set: which version is current, and every version ever imported (all kept).</summary>
public sealed record DataSetHead(string Id, string Name, bool IsDemo, int CurrentVersion, IReadOnlyList<DataSetVersionInfo> Versions)
{
    public DataSetVersionInfo Current => Versions.Single(version => version.Version == CurrentVersion);
}
