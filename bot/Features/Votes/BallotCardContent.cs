using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>The ballot card each voter gets at the opening (a procuration holder's card shows both communes).</summary>
public sealed class BallotCardContent(BallotStore ballots, IMemberDirectory roster, VoterRights rights, BallotCards cards, CurrentBallotCard current, IStringLocalizer<VotesTexts> texts) : IBroadcastContent
{
    public const string ContentKind = "votes.ballot";

    public string Kind => ContentKind;

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (ballot, member) = await VoterOfAsync(ballots, roster, reference, recipientKey, cancellationToken);
        if (ballot?.State != BallotState.Open || member is null)
        {
            return null;
        }

        var standing = await rights.StandingAsync(ballot, member, cancellationToken);
        if (standing.Seats.Count == 0)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        return new OutgoingMessage(texts["Broadcast_Ballot", BallotCards.Brief(ballot.Question)], cards.ForVoter(ballot, standing, culture), Alert: true);
    }

    public string? SubjectOf(string reference) => CurrentBallotCard.SubjectOf(reference);

    public Task<OutgoingMessage?> RenderUpdateAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        current.ForRecipientAsync(reference, recipientKey, culture, cancellationToken);

    /// <summary>The ballot and the recipient, read together: every recipient of a broadcast needs both.</summary>
    internal static async Task<(Ballot? Ballot, Member? Member)> VoterOfAsync(BallotStore ballots, IMemberDirectory roster, string reference, string recipientKey, CancellationToken cancellationToken)
    {
        var ballot = ballots.GetAsync(reference, cancellationToken);
        var member = roster.FindAsync(AudienceResolver.AadObjectIdOf(recipientKey), cancellationToken);
        await Task.WhenAll(ballot, member);
        return (await ballot, await member);
    }
}
