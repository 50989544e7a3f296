using BepBot.Platform.Procurations;

namespace BepBot.Features.Votes;

/// <param name="Standing">Where the voter stands once the vote is recorded: what their card shows.</param>
public sealed record CastOutcome(CastStatus Status, Ballot? Ballot = null, Procuration? GivenAway = null, VoterStanding? Standing = null)
{
    public bool Counted => Status is CastStatus.Recorded or CastStatus.Changed or CastStatus.Unchanged;
}
