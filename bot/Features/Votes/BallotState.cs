namespace BepBot.Features.Votes;

public enum BallotState
{
    Scheduled,
    Open,
    Closed,
}
