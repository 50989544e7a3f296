namespace BepBot.Infrastructure.Storage;

/// <summary>
/// What an optimistic update did: the document as the deciding attempt read it (null: there was none), the document it
/// wrote (null: the change left it alone), and the change's own outcome.
/// </summary>
public sealed record DocumentUpdate<T, TOutcome>(Document<T>? Read, Document<T>? Written, TOutcome Outcome);
