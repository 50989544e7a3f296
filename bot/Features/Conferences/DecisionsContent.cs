using BepBot.Cards;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

public sealed class DecisionsContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards) : ConferenceContent(store, roster)
{
    public override string Kind => ConferenceAnnouncer.DecisionsKind;

    protected override Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        var title = cards.Texts["Decisions_Title", CardText.EscapeMarkdown(session.Title)];
        var card = cards.Notice(title, cards.Texts["Decisions_Message", cards.When(session)], lines: Decisions.Lines(cards, session.Decisions));
        return Task.FromResult<OutgoingMessage?>(new OutgoingMessage(title, card, Alert: true));
    }
}
