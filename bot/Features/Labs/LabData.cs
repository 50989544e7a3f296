namespace BepBot.Features.Labs;

/// <summary>Card payloads of the labs verbs (read strictly: anything else in them is refused).</summary>
public sealed record LabIdData(string LabId);

public sealed record CancelMineData(string LabId, string From);

public sealed record PersonData(string LabId, string AadObjectId);

public sealed record AttendanceData(string LabId, string AadObjectId, bool Present);

public sealed record MessageData(string LabId, string? Message = null);

public sealed record EraseData(bool Confirm);
