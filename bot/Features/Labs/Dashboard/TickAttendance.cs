using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs.Dashboard;

/// <summary>
/// `labs.attendance`: a person ticked present (or unticked) in the tab's list on the day, saved at once on the same
/// registration the chat's « Présent » / « Absent » buttons and the registrants export read.
/// </summary>
public sealed class TickAttendance(StaffLabChange labChange, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : IDashboardAction
{
    public const string ActionVerb = "labs.attendance";

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var tick = CardData.Read<AttendanceTick>(data);
        return labChange.RunAsync(
            request.User,
            "attendance",
            tick.LabId,
            current => MarkAttendance.Mark(current, tick.Item, tick.Done, clock.GetUtcNow(), texts),
            change => texts[tick.Done ? "Board_MarkedPresent" : "Board_MarkedAbsent", change.After.ActiveOf(tick.Item)!.Name],
            cancellationToken);
    }
}
