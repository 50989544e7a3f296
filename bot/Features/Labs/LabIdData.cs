namespace BepBot.Features.Labs;

/// <summary>Card payloads of the labs verbs (read strictly: anything else in them is refused).</summary>
public sealed record LabIdData(string LabId);
