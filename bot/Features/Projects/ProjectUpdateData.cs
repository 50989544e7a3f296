namespace BepBot.Features.Projects;

/// <summary>What the update form sends: its inputs (strings, as Teams sends them) and the version it was drawn from.</summary>
public sealed record ProjectUpdateData(
    string ProjectId,
    int Version,
    string? Status = null,
    string? Progress = null,
    string? Phase = null,
    string? Milestone = null,
    string? MilestoneDate = null,
    string? Note = null);
