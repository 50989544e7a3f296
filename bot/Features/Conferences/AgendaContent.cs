using BepBot.Cards;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>The first publication shows the agenda; later ones only "ce qui a changé".</summary>
public sealed class AgendaContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, AgendaView agenda) : ConferenceContent(store, roster)
{
    public override string Kind => ConferenceAnnouncer.AgendaKind;

    protected override async Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        if (session.State == ConferenceState.Cancelled || await Store.PublicationAsync(session.Id, number, cancellationToken) is not { } publication)
        {
            return null;
        }

        if (number == 1)
        {
            var headline = cards.Texts["AgendaPublished_Headline"];
            var shown = session with { Agenda = publication.Items, StartsAt = publication.StartsAt };
            return new OutgoingMessage(headline, agenda.Card(shown, forStaff: false, headline), Alert: true);
        }

        var previous = await Store.PublicationAsync(session.Id, number - 1, cancellationToken);
        if (previous is null)
        {
            return null;
        }

        var title = cards.Texts["AgendaChanged_Title", CardText.EscapeMarkdown(session.Title)];
        var card = cards.Notice(title, cards.Texts["AgendaChanged_Message"], lines: agenda.Diff(previous, publication), sessionId: session.Id);
        return new OutgoingMessage(title, card, Alert: true);
    }
}
