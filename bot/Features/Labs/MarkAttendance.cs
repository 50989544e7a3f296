using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.attend`: attendance marked on the day, for confirmed registrants only.</summary>
public sealed class MarkAttendance(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<MarkAttendance> logger)
    : StaffLabAction<AttendanceData>(book, registrants, texts, logger)
{
    protected override string Name => "attend";

    protected override string LabIdOf(AttendanceData request) => request.LabId;

    protected override Lab Apply(Lab current, AttendanceData request, ChatTurn turn) =>
        Mark(current, request.AadObjectId, request.Present, clock.GetUtcNow(), Texts);

    /// <summary>The attendance rule, which the dashboard tab's attendance list applies too: one record, whoever ticks it.</summary>
    public static Lab Mark(Lab current, string aadObjectId, bool present, DateTimeOffset now, IStringLocalizer<LabsTexts> texts)
    {
        NotCancelled(current, texts);
        if (!current.IsAttendanceDay(now))
        {
            throw new LabChangeRejectedException(texts["Attendance_NotYet"]);
        }

        var person = Person(current, aadObjectId, texts);
        if (person.Status != SeatStatus.Confirmed)
        {
            throw new LabChangeRejectedException(texts["Attendance_NotConfirmed"]);
        }

        return current with { Registrations = [.. current.Registrations.Select(r => r == person ? r with { Attended = present } : r)] };
    }
}
