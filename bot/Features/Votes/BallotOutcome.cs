namespace BepBot.Features.Votes;

public enum BallotOutcome
{
    Adopted,
    Rejected,
    NoQuorum,
    Retained,
    NoMajority,
}
