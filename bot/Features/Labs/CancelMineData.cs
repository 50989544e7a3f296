namespace BepBot.Features.Labs;

public sealed record CancelMineData(string LabId, string From);
