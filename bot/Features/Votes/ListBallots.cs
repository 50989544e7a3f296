using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes`: the ballots open to the user, marking those still waiting on them; for staff, every ballot not yet closed and the recent results.</summary>
public sealed class ListBallots(BallotStore ballots, VoterRights rights, BallotCards cards, TimeProvider clock, IStringLocalizer<VotesTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var all = await ballots.ListAsync(cancellationToken);
        var items = new List<(Ballot, string)>();
        var staff = turn.User.Role == Role.BepStaff;
        foreach (var ballot in all.OrderBy(ballot => ballot.State).ThenBy(ballot => ballot.ClosesAt ?? DateTimeOffset.MaxValue))
        {
            var closes = ballot.ClosesAt is { } at ? texts["List_Closes", BelgianTime.FormatDateTime(at, turn.Culture)].Value : texts["Fact_ClosesByHand"].Value;
            if (staff)
            {
                if (ballot.State != BallotState.Closed || ballot.ClosedAt > clock.GetUtcNow().AddDays(-30))
                {
                    var voted = (await ballots.VotedCommunesAsync(ballot, cancellationToken)).Count;
                    items.Add((ballot, $"{texts["State_" + ballot.State].Value} · {texts["Fact_ParticipationValue", voted, ballot.Communes.Count].Value} · {closes}"));
                }

                continue;
            }

            if (ballot.State != BallotState.Open)
            {
                continue;
            }

            var standing = await rights.StandingAsync(ballot, turn.User.Member, cancellationToken);
            if (standing.Seats.Count == 0)
            {
                continue;
            }

            items.Add((ballot, (standing.AnyWaiting ? texts["List_Waiting"].Value : texts["List_Voted"].Value) + " · " + closes));
        }

        return Reply.WithCard(cards.List(items, staff, turn.Culture), texts["List_Title"]);
    }
}
