using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>The reminder: the same card, sent only while at least one of the recipient's communes has not voted.</summary>
public sealed class BallotReminderContent(BallotStore ballots, IMemberDirectory roster, VoterRights rights, BallotCards cards, CurrentBallotCard current, IStringLocalizer<VotesTexts> texts) : IBroadcastContent
{
    public const string ContentKind = "votes.reminder";

    public string Kind => ContentKind;

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (ballot, member) = await BallotCardContent.VoterOfAsync(ballots, roster, reference, recipientKey, cancellationToken);
        if (ballot?.State != BallotState.Open || member is null)
        {
            return null;
        }

        var standing = await rights.StandingAsync(ballot, member, cancellationToken);
        if (!standing.AnyWaiting)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        var closes = ballot.ClosesAt is { } at ? Infrastructure.Time.BelgianTime.FormatDateTime(at, culture) : texts["Fact_ClosesByHand"].Value;
        return new OutgoingMessage(texts["Broadcast_Reminder", BallotCards.Brief(ballot.Question), closes], cards.ForVoter(ballot, standing, culture), Alert: true);
    }

    public string? SubjectOf(string reference) => CurrentBallotCard.SubjectOf(reference);

    public Task<OutgoingMessage?> RenderUpdateAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        current.ForRecipientAsync(reference, recipientKey, culture, cancellationToken);
}
