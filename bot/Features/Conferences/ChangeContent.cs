using BepBot.Cards;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>A staff edit: only what changed from the previous version, then the way to the full session.</summary>
public sealed class ChangeContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards) : ConferenceContent(store, roster)
{
    public override string Kind => ConferenceAnnouncer.ChangeKind;

    protected override async Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        if (session.State == ConferenceState.Cancelled)
        {
            return null;
        }

        var versions = await Store.VersionsAsync(session.Id, cancellationToken);
        var before = versions.LastOrDefault(version => version.Version == number - 1);
        var after = number == session.Version ? session : versions.FirstOrDefault(version => version.Version == number);
        if (before is null || after is null)
        {
            return null;
        }

        var title = cards.Texts["Change_Title", CardText.EscapeMarkdown(session.Title)];
        var card = cards.Notice(title, cards.Texts["Change_Message"], lines: SessionDiff.Lines(cards, before, after), sessionId: session.Id);
        return new OutgoingMessage(title, card, Alert: true);
    }
}
