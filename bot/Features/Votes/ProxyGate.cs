using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>Checks shared by the procuration actions: an open ballot, and a bourgmestre whose commune is in scope and has not voted.</summary>
public sealed class ProxyGate(BallotStore ballots, IStringLocalizer<VotesTexts> texts)
{
    public async Task<(Ballot? Ballot, string? Refusal)> CheckAsync(ChatTurn turn, string ballotId, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(ballotId, cancellationToken);
        if (ballot is null)
        {
            return (null, texts["Vote_UnknownBallot"]);
        }

        if (ballot.State == BallotState.Closed)
        {
            return (null, texts["Vote_Closed"]);
        }

        if (turn.User.Member is not { Role: Role.Bourgmestre } member || !ballot.InScope(member.Commune))
        {
            return (null, texts["Vote_NotInScope"]);
        }

        return (ballot, null);
    }
}
