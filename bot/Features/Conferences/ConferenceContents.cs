using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;

namespace BepBot.Features.Conferences;

/// <summary>
/// The per-recipient cards of a session's broadcasts, rendered at delivery time in the recipient's language and
/// with their current answers: a card that no longer has a purpose (a reminder to someone who answered meanwhile,
/// an invitation to a cancelled session) is not sent.
/// </summary>
public abstract class ConferenceContent(ConferenceStore store, IMemberDirectory roster) : IBroadcastContent
{
    public abstract string Kind { get; }

    protected ConferenceStore Store => store;

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var parts = reference.Split(':');
        var session = await store.GetAsync(parts[0], cancellationToken);
        var members = (await roster.ListAsync(cancellationToken));
        var member = members.FirstOrDefault(candidate => candidate.AadObjectId == AudienceResolver.AadObjectIdOf(recipientKey));
        if (session is null || member is null)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        var number = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return await RenderAsync(session, member, members, number, cancellationToken);
    }

    protected abstract Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken);
}

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
}

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
}

public sealed class InvitationContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : SessionCardContent(store, roster, cards, clock)
{
    public override string Kind => ConferenceAnnouncer.InvitationKind;

    protected override string Headline(ConferenceSession session) => Cards.Texts["Invitation_Headline"];
}

public sealed class DateChosenContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : SessionCardContent(store, roster, cards, clock)
{
    public override string Kind => ConferenceAnnouncer.DateKind;

    protected override string Headline(ConferenceSession session) => Cards.Texts["DateChosen_Headline", Cards.When(session)];
}

public sealed class ConferenceReminderContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : SessionCardContent(store, roster, cards, clock)
{
    public override string Kind => ConferenceAnnouncer.ReminderKind;

    protected override bool SkipWhenAnswered => true;

    protected override string Headline(ConferenceSession session) => Cards.Texts["Reminder_Headline", Cards.When(session)];
}

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

public sealed class CancellationContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards) : ConferenceContent(store, roster)
{
    public override string Kind => ConferenceAnnouncer.CancelKind;

    protected override Task<OutgoingMessage?> RenderAsync(ConferenceSession session, Member member, IReadOnlyList<Member> roster, int number, CancellationToken cancellationToken)
    {
        var title = cards.Texts["Cancelled_Title", CardText.EscapeMarkdown(session.Title)];
        var card = cards.Notice(title, cards.Texts["Cancelled_Message", session.StartsAt is null ? cards.Texts["Cancelled_NoDate"] : cards.When(session)], lines: session.Change.Length > 0 ? [CardText.EscapeMarkdown(session.Change)] : null);
        return Task.FromResult<OutgoingMessage?>(new OutgoingMessage(title, card, Alert: true));
    }
}

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

/// <summary>What changed between two versions of a session, line by line.</summary>
public static class SessionDiff
{
    public static List<string> Lines(ConferenceCards cards, ConferenceSession before, ConferenceSession after)
    {
        var texts = cards.Texts;
        var lines = new List<string>();
        if (before.Title != after.Title)
        {
            lines.Add(texts["DiffSession_Title", CardText.EscapeMarkdown(before.Title), CardText.EscapeMarkdown(after.Title)]);
        }

        if (before.StartsAt != after.StartsAt)
        {
            lines.Add(texts["DiffSession_When", cards.When(before), cards.When(after)]);
        }

        if (before.Online != after.Online || before.Location != after.Location)
        {
            lines.Add(texts["DiffSession_Place", cards.Place(before), cards.Place(after)]);
        }

        if (before.DurationMinutes != after.DurationMinutes)
        {
            lines.Add(texts["DiffSession_Duration", cards.Duration(before.DurationMinutes), cards.Duration(after.DurationMinutes)]);
        }

        if (before.Quorum != after.Quorum)
        {
            lines.Add(texts["DiffSession_Quorum", cards.Quorum(before), cards.Quorum(after)]);
        }

        return lines;
    }
}
