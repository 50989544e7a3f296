namespace BepBot.Features.Labs;

public sealed record PersonData(string LabId, string AadObjectId);
