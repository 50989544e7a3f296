namespace BepBot.Features.Broadcasts;

public sealed record DraftData(string DraftId);
