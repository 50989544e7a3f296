using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.proxy`: the card to choose who will vote for the commune.</summary>
public sealed class AskProcuration(ProxyGate gate, BallotStore ballots, VoterRights rights, IMemberDirectory roster, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var (ballot, refusal) = await gate.CheckAsync(turn, CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(refusal!);
        }

        var commune = turn.User.Commune!;
        if (await rights.GivenByAsync(ballot, commune, cancellationToken) is { } given)
        {
            return Reply.WithText(texts["Proxy_AlreadyGiven", CardText.EscapeMarkdown(given.HolderName)]);
        }

        if (await ballots.HasVotedAsync(ballot, commune, cancellationToken))
        {
            return Reply.WithText(texts["Proxy_AlreadyVoted", commune]);
        }

        var holders = (await roster.ListAsync(cancellationToken))
            .Where(member => member.Role == Role.Bourgmestre && member.Commune != commune && ballot.InScope(member.Commune))
            .OrderBy(member => member.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-BE"), ignoreCase: true))
            .ToList();
        return Reply.WithCard(cards.Proxy(ballot, commune, holders, turn.Culture), texts["Proxy_Heading"]);
    }
}
