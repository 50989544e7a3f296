namespace BepBot.Features.Labs;

public sealed record MessageData(string LabId, string? Message = null);
