namespace BepBot.Platform.Delivery;

/// <param name="Subject">Whose cards to update, as the contents name it (<see cref="IBroadcastContent.SubjectOf"/>).</param>
/// <param name="Title">What the author's status card calls it (the ballot's question, the session's title).</param>
/// <param name="Key">The change that calls for the update (e.g. "ballot-closed:{id}", "conference:{id}:v{version}"): a second
/// request with the same key is a no-op, so a retried job updates the cards once.</param>
/// <param name="ReportToAadObjectId">Who gets the status card in their personal chat (the author of the change); null: logs only.</param>
/// <param name="OnlyRecipients">AAD object ids whose cards to update; null: every card.</param>
public sealed record CardUpdateRequest(
    string Subject,
    string Title,
    string Key,
    string? ReportToAadObjectId = null,
    string? ReportToName = null,
    IReadOnlyList<string>? OnlyRecipients = null);
