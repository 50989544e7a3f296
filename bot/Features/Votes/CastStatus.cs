namespace BepBot.Features.Votes;

public enum CastStatus
{
    Recorded,
    Changed,
    Unchanged,
    AlreadyVotedSecret,
    UnknownBallot,
    NotYetOpen,
    Closed,
    NotInScope,
    NotYourCommune,
    GivenAway,
    UnknownChoice,
}
