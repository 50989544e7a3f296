using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.attend`: attendance marked on the day, for confirmed registrants only.</summary>
public sealed class MarkAttendance(LabBook book, ShowLabRegistrants registrants, IStringLocalizer<LabsTexts> texts, ILogger<MarkAttendance> logger)
    : StaffLabAction<AttendanceData>(book, registrants, texts, logger)
{
    private readonly ShowLabRegistrants _registrants = registrants;

    protected override string Name => "attend";

    protected override string LabIdOf(AttendanceData request) => request.LabId;

    protected override Lab Apply(Lab current, AttendanceData request, ChatTurn turn)
    {
        NotCancelled(current);
        if (!_registrants.IsAttendanceDay(current))
        {
            throw new LabChangeRejectedException(Texts["Attendance_NotYet"]);
        }

        var person = Person(current, request.AadObjectId);
        if (person.Status != SeatStatus.Confirmed)
        {
            throw new LabChangeRejectedException(Texts["Attendance_NotConfirmed"]);
        }

        return current with { Registrations = [.. current.Registrations.Select(r => r == person ? r with { Attended = request.Present } : r)] };
    }
}
