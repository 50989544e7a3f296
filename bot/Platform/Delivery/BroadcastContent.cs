namespace BepBot.Platform.Delivery;

/// <summary>
/// What a feature's broadcast carries instead of a plain announcement: a card the feature renders for each recipient
/// (a ballot, an invitation), found by <see cref="Kind"/> and the feature's own <see cref="Reference"/> (a ballot id…).
/// </summary>
public sealed record BroadcastContent(string Kind, string Reference);
