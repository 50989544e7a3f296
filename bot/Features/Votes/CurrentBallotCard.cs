using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;

namespace BepBot.Features.Votes;

/// <summary>
/// The ballot card as it stands now for one member, as `votes.show` shows it and as the cards sent earlier are updated
/// to: the result once it is published (with the export buttons for staff), else the ballot with their seats and votes.
/// </summary>
public sealed class CurrentBallotCard(BallotCards cards, BallotStore ballots, IMemberDirectory roster, VoterRights rights)
{
    public async Task<JsonObject> RenderAsync(Ballot ballot, Member member, CultureInfo culture, CancellationToken cancellationToken) =>
        await RenderAsync(ballot, member, await rights.StandingAsync(ballot, member, cancellationToken), culture, cancellationToken);

    /// <param name="standing">Where <paramref name="member"/> stands on the ballot, already read by the caller.</param>
    public async Task<JsonObject> RenderAsync(Ballot ballot, Member member, VoterStanding standing, CultureInfo culture, CancellationToken cancellationToken) =>
        ballot.Result is not null
            ? await cards.ResultAsync(ballot, member.Role == Role.BepStaff, culture, cancellationToken)
            : cards.ForVoter(ballot, standing, culture);

    /// <summary>The card that replaces one sent earlier to this recipient: closed, with its result once published, no « Voter » once closed.</summary>
    public async Task<OutgoingMessage?> ForRecipientAsync(string ballotId, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (ballot, member) = await BallotCardContent.VoterOfAsync(ballots, roster, ballotId, recipientKey, cancellationToken);
        return ballot is null || member is null ? null : new OutgoingMessage(ballot.Question, await RenderAsync(ballot, member, culture, cancellationToken));
    }

    /// <summary>What the ballot's cards are about, for the updates that keep them true.</summary>
    public static string SubjectOf(string ballotId) => "ballot:" + ballotId;
}
