using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.poll`: a bourgmestre in scope answers every candidate date (one answer per commune).</summary>
public sealed partial class AnswerDatePoll(ConferenceAccess access, ConferenceStore store, ConferenceCards cards, TimeProvider clock, ILogger<AnswerDatePoll> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<PollData>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State != ConferenceState.DatePoll)
        {
            return access.Refuse(turn, session.Id, "Poll_NotOpen");
        }

        string?[] given = [request.D0, request.D1, request.D2, request.D3, request.D4];
        var choices = new List<PollChoice>();
        for (var index = 0; index < given.Length; index++)
        {
            var choice = given[index] switch
            {
                "yes" => PollChoice.Yes,
                "maybe" => PollChoice.Maybe,
                "no" => PollChoice.No,
                null => (PollChoice?)null,
                _ => throw new InvalidCardDataException($"Unknown poll answer '{given[index]}'."),
            };
            if ((index < session.CandidateDates.Count) != choice.HasValue)
            {
                return access.Refuse(turn, session.Id, "Poll_AnswerEveryDate");
            }

            if (choice is { } value)
            {
                choices.Add(value);
            }
        }

        var member = turn.User.Member!;
        var answer = new PollAnswer(member.Commune!, member.AadObjectId, member.Name, choices, clock.GetUtcNow());
        await store.SavePollAnswerAsync(session.Id, answer, cancellationToken);
        LogAnswered(logger, session.Id, member.Commune!);
        return Reply.UpdatingCard(cards.Poll(session, answer, notice: cards.Texts["Poll_Saved"]));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Date poll of conference {SessionId} answered for {Commune}")]
    private static partial void LogAnswered(ILogger logger, string sessionId, string commune);
}
