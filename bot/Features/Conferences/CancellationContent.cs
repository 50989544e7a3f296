using BepBot.Cards;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

public sealed class CancellationContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards) : ConferenceContent(store, roster)
{
    public override string Kind => ConferenceAnnouncer.CancelKind;

    protected override Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        var title = cards.Texts["Cancelled_Title", CardText.EscapeMarkdown(session.Title)];
        var card = cards.Notice(title, session.StartsAt is null ? cards.Texts["Cancelled_MessageNoDate"] : cards.Texts["Cancelled_Message", cards.When(session)], lines: session.Change.Length > 0 ? [CardText.EscapeMarkdown(session.Change)] : null);
        return Task.FromResult<OutgoingMessage?>(new OutgoingMessage(title, card, Alert: true));
    }
}
