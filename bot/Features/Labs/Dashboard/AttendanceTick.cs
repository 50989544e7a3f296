namespace BepBot.Features.Labs.Dashboard;

/// <summary>One tick of the tab's attendance list: <paramref name="Item"/> is the registrant's object id, <paramref name="Done"/> present.</summary>
public sealed record AttendanceTick(string LabId, string Item, bool Done);
