using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.registrants`: the staff's live view of a lab, registrants grouped by commune, with every staff action.</summary>
public sealed class ShowLabRegistrants(LabBook book, LabCards labCards, CardCatalog cards, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var labId = CardData.Read<LabIdData>(data, turn.CardInputs).LabId;
        if (await book.FindAsync(labId, cancellationToken) is null)
        {
            return Reply.WithText(texts["Lab_Unknown"]);
        }

        // Folds in any ticket whose writer gave up under contention, so the list is the whole truth.
        var lab = await book.TakeInAsync(labId, cancellationToken: cancellationToken);
        return Reply.WithCard(Card(lab, null), texts["Registrants_Title", lab.Details.Title]);
    }

    public JsonObject Card(Lab lab, string? notice)
    {
        var attendanceDay = lab.IsAttendanceDay(clock.GetUtcNow()) && lab.State != LabState.Cancelled;
        var active = lab.Registrations.Where(registration => registration.IsActive).ToList();
        var communes = active
            .GroupBy(registration => registration.Commune)
            .OrderBy(group => group.Key, StringComparer.Create(BelgianTime.French, ignoreCase: true))
            .Select(group => new
            {
                Name = CardText.EscapeMarkdown(group.Key),
                Summary = texts["Registrants_CommuneSummary", group.Count(r => r.Status == SeatStatus.Confirmed), group.Count(r => r.Status == SeatStatus.Waiting)].Value,
                People = group.OrderBy(registration => registration.Ordinal).Select(registration => new
                {
                    Name = CardText.EscapeMarkdown(registration.Name),
                    Status = registration.Status == SeatStatus.Confirmed
                        ? texts["Registrants_Confirmed"].Value
                        : labCards.StandingText(lab, lab.StandingOf(registration.AadObjectId)),
                    Attendance = registration.Attended switch
                    {
                        true => texts["Attendance_Present"].Value,
                        false => texts["Attendance_Absent"].Value,
                        null => string.Empty,
                    },
                    HasAttendance = registration.Attended is not null,
                    registration.AadObjectId,
                    PresentTooltip = texts["Tooltip_Present", registration.Name].Value,
                    AbsentTooltip = texts["Tooltip_Absent", registration.Name].Value,
                    PromoteTooltip = texts["Tooltip_Promote", registration.Name].Value,
                    RemoveTooltip = texts["Tooltip_Remove", registration.Name].Value,
                    CanMark = attendanceDay && registration.Status == SeatStatus.Confirmed,
                    CanPromote = registration.Status == SeatStatus.Waiting && lab.State != LabState.Cancelled,
                    CanRemove = lab.State != LabState.Cancelled,
                }).ToList(),
            })
            .ToList();
        return cards.Render("labs/registrants", new
        {
            Title = texts["Registrants_Title", CardText.EscapeMarkdown(lab.Details.Title)].Value,
            Notice = notice ?? string.Empty,
            HasNotice = !string.IsNullOrEmpty(notice),
            Facts = labCards.Facts(lab),
            Counts = texts["Registrants_Counts", lab.Confirmed.Count(), lab.Capacity, lab.Waiting.Count()].Value,
            HasPeople = communes.Count > 0,
            EmptyText = texts["Registrants_Empty"].Value,
            Communes = communes,
            LabId = lab.Id,
            PresentTitle = texts["Button_Present"].Value,
            AbsentTitle = texts["Button_Absent"].Value,
            PromoteTitle = texts["Button_Promote"].Value,
            RemoveTitle = texts["Button_Remove"].Value,
            IsOpen = lab.State == LabState.Open,
            IsClosed = lab.State == LabState.Closed,
            NotCancelled = lab.State != LabState.Cancelled,
            CloseTitle = texts["Button_Close"].Value,
            ReopenTitle = texts["Button_Reopen"].Value,
            EditTitle = texts["Button_Edit"].Value,
            CancelLabTitle = texts["Button_CancelLab"].Value,
            ExportTitle = texts["Button_Export"].Value,
            RefreshTitle = texts["Button_Refresh"].Value,
            MessageLabel = texts["Message_Label"].Value,
            MessagePlaceholder = texts["Message_Placeholder"].Value,
            SendTitle = texts["Button_SendMessage"].Value,
        });
    }
}
