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

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
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
        return parts[0] switch
        {
            // Only people who still hold a seat when it goes out: a reminder to someone who cancelled would mislead.
            Reminder when lab.State != LabState.Cancelled && standing?.Registration.Status == SeatStatus.Confirmed =>
                await cards.NoticeAsync(lab, cards.Texts["Reminder_Title", lab.Details.Title], cards.Texts["Reminder_Message", title, cards.Where(lab)], withCalendar: true, cancellationToken),
            Cancelled when lab.State == LabState.Cancelled =>
                await cards.NoticeAsync(lab, cards.Texts["Cancelled_Title", lab.Details.Title], cards.Texts["Cancelled_Message", title], withCalendar: false, cancellationToken),
            Changed when lab.State != LabState.Cancelled && standing is not null =>
                await cards.NoticeAsync(lab, cards.Texts["Changed_Title", lab.Details.Title], cards.Texts["Changed_Message", title, cards.StandingText(lab, standing)], withCalendar: standing.Registration.Status == SeatStatus.Confirmed, cancellationToken),
            _ => null,
        };
    }
}
