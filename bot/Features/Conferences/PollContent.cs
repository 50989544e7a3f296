using BepBot.Chat;

namespace BepBot.Features.Conferences;

public sealed class PollContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards) : ConferenceContent(store, roster)
{
    public override string Kind => ConferenceAnnouncer.PollKind;

    protected override async Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        if (session.State != ConferenceState.DatePoll)
        {
            return null;
        }

        var headline = cards.Texts["Poll_Headline"];
        var answer = member.Commune is null ? null : await Store.PollAnswerOfAsync(session.Id, member.Commune, cancellationToken);
        return new OutgoingMessage(headline, cards.Poll(session, answer, headline), Alert: true);
    }

    public override string? SubjectOf(string reference) => MemberConferenceCard.SubjectOfReference(reference);

    protected override Task<OutgoingMessage?> RenderUpdateAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, CancellationToken cancellationToken) =>
        MemberConferenceCard.UpdateAsync(Store, cards, session, member, roster, cancellationToken);
}
