namespace BepBot.Platform.Delivery;

/// <summary>
/// What makes a broadcast an update of cards sent earlier instead of a new message: the subject whose cards it updates,
/// and, when not every card, the recipients whose cards it updates ("user:…" keys).
/// </summary>
public sealed record CardUpdate(string Subject, IReadOnlyList<string>? OnlyRecipientKeys = null);
