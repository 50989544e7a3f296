namespace BepBot.Features.Labs;

/// <summary>The edit form's fields, as Teams sends them (inputs are strings) with the revision the form was built from.</summary>
public sealed record SaveLabData(
    string LabId,
    int Revision,
    string Theme,
    string Title,
    string Description,
    string Date,
    string Start,
    string End,
    string Audience,
    string Capacity,
    string DeadlineDate,
    string DeadlineTime,
    string? Place = null,
    string? Link = null,
    string? Quota = null);
