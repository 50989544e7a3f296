namespace BepBot.Features.Observatoire;

/// <param name="ContentHash">SHA-256 of the file, so that a configured file imported again at each start adds no version when unchanged.</param>
public sealed record DataSetVersionInfo(
    int Version, DateTimeOffset ImportedAt, string ImportedBy, string Origin, int RowCount, IReadOnlyList<string> Indicators, IReadOnlyList<string> Sources, string? ContentHash = null);
