using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;

namespace BepBot.Features.Labs;

/// <summary>The labs' notices sent through the broadcast engine, rendered per recipient in their language at delivery time.</summary>
public sealed class LabNoticeContent(LabBook book, LabCards cards) : IBroadcastContent
{
    public const string ContentKind = "labs.notice";
    public const string Reminder = "reminder";
    public const string Cancelled = "cancelled";
    public const string Changed = "changed";

    public string Kind => ContentKind;

    public Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        RenderAsync(reference, recipientKey, culture, forUpdate: false, cancellationToken);

    /// <summary>Reminders and change notices carry the calendar button: they follow the lab. A cancellation stays as sent.</summary>
    public string? SubjectOf(string reference) => reference.Split(':') is [Reminder or Changed, var labId] ? SubjectOfLab(labId) : null;

    /// <summary>The notice with the lab as it stands now: its new date and place, or « annulé » (no calendar button then).</summary>
    public Task<OutgoingMessage?> RenderUpdateAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        RenderAsync(reference, recipientKey, culture, forUpdate: true, cancellationToken);

    private async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, bool forUpdate, CancellationToken cancellationToken)
    {
        var parts = reference.Split(':');
        var lab = parts.Length == 2 ? await book.FindAsync(parts[1], cancellationToken) : null;
        var person = AudienceResolver.AadObjectIdOf(recipientKey);
        if (lab is null || person is null)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        var title = CardText.EscapeMarkdown(lab.Details.Title);
        var standing = lab.StandingOf(person);
        var confirmed = standing?.Registration.Status == SeatStatus.Confirmed;
        var cancelled = lab.State == LabState.Cancelled;
        return parts[0] switch
        {
            // A card sent earlier shows the cancellation; a notice still to send is sent only while it has a purpose.
            _ when cancelled && (forUpdate || parts[0] == Cancelled) =>
                await cards.NoticeAsync(lab, cards.Texts["Cancelled_Title", lab.Details.Title], cards.Texts["Cancelled_Message", title], withCalendar: false, cancellationToken),
            // Only people who still hold a seat when it goes out: a reminder to someone who cancelled would mislead.
            Reminder when !cancelled && (confirmed || forUpdate) =>
                await cards.NoticeAsync(lab, cards.Texts["Reminder_Title", lab.Details.Title], cards.Texts["Reminder_Message", title, cards.Where(lab)], withCalendar: confirmed, cancellationToken),
            Changed when !cancelled && standing is not null =>
                await cards.NoticeAsync(lab, cards.Texts["Changed_Title", lab.Details.Title], cards.Texts["Changed_Message", title, cards.StandingText(lab, standing)], withCalendar: confirmed, cancellationToken),
            _ => null,
        };
    }

    public static string SubjectOfLab(string labId) => "lab:" + labId;

    /// <summary>The update of the lab's live notices after a change by <paramref name="author"/>: one per revision, so a retry updates them once.</summary>
    public static CardUpdateRequest UpdateAfter(Lab lab, ChatUser author) =>
        new(SubjectOfLab(lab.Id), lab.Details.Title, $"lab:{lab.Id}:r{lab.Revision.ToString(CultureInfo.InvariantCulture)}", author.AadObjectId, author.Name);
}
