using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>The ballot card each voter gets at the opening (a procuration holder's card shows both communes).</summary>
public sealed class BallotCardContent(BallotStore ballots, IMemberDirectory roster, VoterRights rights, BallotCards cards, IStringLocalizer<VotesTexts> texts) : IBroadcastContent
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

    /// <summary>The ballot and the recipient, read together: every recipient of a broadcast needs both.</summary>
    internal static async Task<(Ballot? Ballot, Member? Member)> VoterOfAsync(BallotStore ballots, IMemberDirectory roster, string reference, string recipientKey, CancellationToken cancellationToken)
    {
        var ballot = ballots.GetAsync(reference, cancellationToken);
        var member = roster.FindAsync(AudienceResolver.AadObjectIdOf(recipientKey), cancellationToken);
        await Task.WhenAll(ballot, member);
        return (await ballot, await member);
    }
}

/// <summary>The reminder: the same card, sent only while at least one of the recipient's communes has not voted.</summary>
public sealed class BallotReminderContent(BallotStore ballots, IMemberDirectory roster, VoterRights rights, BallotCards cards, IStringLocalizer<VotesTexts> texts) : IBroadcastContent
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
}

/// <summary>The result card, to everyone in scope and to staff (who also get the export buttons).</summary>
public sealed class ResultContent(BallotStore ballots, IMemberDirectory roster, BallotCards cards, IStringLocalizer<VotesTexts> texts) : IBroadcastContent
{
    public const string ContentKind = "votes.result";

    public string Kind => ContentKind;

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (ballot, member) = await BallotCardContent.VoterOfAsync(ballots, roster, reference, recipientKey, cancellationToken);
        if (ballot?.Result is null || member is null)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        return new OutgoingMessage(
            texts["Broadcast_Result", BallotCards.Brief(ballot.Question), cards.OutcomeText(ballot, ballot.Result)],
            await cards.ResultAsync(ballot, member.Role == Role.BepStaff, culture, cancellationToken),
            Alert: true);
    }
}
