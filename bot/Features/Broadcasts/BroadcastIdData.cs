namespace BepBot.Features.Broadcasts;

public sealed record BroadcastIdData(string BroadcastId);
