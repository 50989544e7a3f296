namespace BepBot.Features.Observatoire;

public sealed class ObservatoireOptions
{
    public const string Section = "Observatoire";

    /// <summary>A CSV file, or a folder of CSV files, imported at start (each file is a data set named after it; unchanged files are skipped).</summary>
    public string? ImportPath { get; set; }

    /// <summary>Load the invented demonstration figures when the store has no data set at all (local play only).</summary>
    public bool SeedDemo { get; set; }
}
