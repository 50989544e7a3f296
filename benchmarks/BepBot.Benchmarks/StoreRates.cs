namespace BepBot.Benchmarks;

/// <summary>What the store alone does per second: create-if-absent, replace-if-match, reads.</summary>
public sealed record StoreRates(double Creates, double Replaces, double Reads)
{
    /// <summary>
    /// Seconds of store work a click costs at these rates, from its operations by kind. A listing and a claim (a table
    /// entity on Azurite) are counted as a read and a create: the nearest kind this benchmark measures.
    /// </summary>
    public double SecondsFor(IReadOnlyDictionary<string, double> operationsPerClick) =>
        operationsPerClick.Sum(pair => pair.Value / (pair.Key switch
        {
            "create" or "claim" => Creates,
            "replace" or "upsert" or "delete" => Replaces,
            _ => Reads,
        }));
}
