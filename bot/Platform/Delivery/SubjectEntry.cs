namespace BepBot.Platform.Delivery;

/// <summary>broadcasts/by-subject/{subject}/{broadcastId}: the broadcast carried cards about the subject.</summary>
public sealed record SubjectEntry(string Subject, string BroadcastId);
