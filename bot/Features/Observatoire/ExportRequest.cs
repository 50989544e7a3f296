namespace BepBot.Features.Observatoire;

public sealed record ExportRequest(string Commune);
