namespace BepBot.Features.Broadcasts;

/// <summary>What the compose card submits (its inputs merged into the button's data by Teams).</summary>
public sealed record ComposeData(
    string? DraftId = null,
    string? Title = null,
    string? Message = null,
    string? Audience = null,
    string? Bassin = null,
    string? Commune = null,
    string? Channel = null,
    string? SendDate = null,
    string? SendTime = null);
