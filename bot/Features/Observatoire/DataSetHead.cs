namespace BepBot.Features.Observatoire;

/// <summary>The head of a data set: which version is current, and every version ever imported (all kept).</summary>
public sealed record DataSetHead(string Id, string Name, bool IsDemo, int CurrentVersion, IReadOnlyList<DataSetVersionInfo> Versions)
{
    public DataSetVersionInfo Current => Versions.Single(version => version.Version == CurrentVersion);
}
