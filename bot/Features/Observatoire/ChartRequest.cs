namespace BepBot.Features.Observatoire;

public sealed record ChartRequest(IReadOnlyList<string> Communes, string? Indicator = null);
