namespace BepBot.Features.Labs;

public enum LabState
{
    Open,
    Closed,
    Cancelled,
}
