namespace BepBot.Features.Labs;

public sealed record AttendanceData(string LabId, string AadObjectId, bool Present);
