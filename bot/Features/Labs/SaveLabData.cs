namespace BepBot.Features.Labs;

/// <summary>
/// The edit form's fields, as Teams sends them (inputs are strings, numbers included) with the revision the form was built
/// from. Capacity and quota are Input.Number: Teams leaves out a number box that is empty or holds no number, so both are
/// optional here and the handler answers a missing capacity with the same French message as a bad one.
/// </summary>
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
    string DeadlineDate,
    string DeadlineTime,
    string? Capacity = null,
    string? Place = null,
    string? Link = null,
    string? Quota = null);
