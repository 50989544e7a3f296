using System.Text.Json;
using BepBot.Chat.Flows;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Sessions;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed class StartRecordDecisions(ConferenceAccess access, FlowRunner flows, IStringLocalizer<ConferencesTexts> texts, TimeProvider clock, ISessionBallotSource? ballotSource = null) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State != ConferenceState.Scheduled || !session.IsPast(clock.GetUtcNow()))
        {
            return access.Refuse(turn, session.Id, "Decisions_NotYet");
        }

        var reply = await SessionFlows.StartAsync(flows, turn, RecordDecisionsFlow.FlowId, session.Id, cancellationToken);
        var ballots = ballotSource is null ? [] : await ballotSource.ForSessionAsync(session.Id, cancellationToken);
        return ballots.Count == 0
            ? reply
            : Reply.WithText(texts["Decisions_BallotsFound", MessageFormatter.JoinList(ballots.Select(ballot => $"{ballot.Question} ({ballot.OutcomeText})"), turn.Culture)]).Then(reply);
    }
}
