using BepBot.Platform.Territory;

namespace BepBot.Features.Observatoire;

public sealed record ChartRequest(IReadOnlyList<string> Communes, string? Indicator = null)
{
    /// <summary>The one to three distinct communes the card was about, or null when the list is forged.</summary>
    public IReadOnlyList<Commune>? Resolve()
    {
        var communes = Communes.Select(CommuneCodes.Find).ToList();
        return communes.Count is < 1 or > 3 || communes.Any(commune => commune is null) || communes.DistinctBy(commune => commune!.Name).Count() != communes.Count
            ? null
            : [.. communes.Select(commune => commune!)];
    }
}
