namespace BepBot.Platform.Delivery;

/// <summary>Stored at throttle/teams: until when every proactive call waits, after Teams answered 429.</summary>
public sealed record ThrottleState(DateTimeOffset Until);
