using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

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
