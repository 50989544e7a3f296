using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>Invitation (fixed date), "date retenue" (after a poll) and reminders: the session card with the RSVP.</summary>
public abstract class SessionCardContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : ConferenceContent(store, roster)
{
    protected ConferenceCards Cards => cards;

    protected abstract string Headline(ConferenceSession session);

    protected virtual bool SkipWhenAnswered => false;

    protected override async Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        if (session.State != ConferenceState.Scheduled || !session.IsOpenForAnswers(clock.GetUtcNow()))
        {
            return null;
        }

        var rsvp = member.Commune is null ? null : await Store.RsvpOfAsync(session.Id, member.Commune, cancellationToken);
        if (SkipWhenAnswered && rsvp is not null)
        {
            return null;
        }

        var headline = Headline(session);
        return new OutgoingMessage(headline, cards.MemberSession(session, member, rsvp, roster, headline), Alert: true);
    }

    public override string? SubjectOf(string reference) => MemberConferenceCard.SubjectOfReference(reference);

    protected override Task<OutgoingMessage?> RenderUpdateAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, CancellationToken cancellationToken) =>
        MemberConferenceCard.UpdateAsync(Store, cards, session, member, roster, cancellationToken);
}
