namespace BepBot.Platform.Sessions;

/// <summary>A ballot held on a conference session, with its outcome as the relevé de décisions states it.</summary>
/// <param name="AgendaItemId">The agenda item the ballot was held on, when it was.</param>
/// <param name="OutcomeText">The result as the votes feature words it ("adopté : 31 pour, 2 contre, 3 abstentions").</param>
public sealed record SessionBallot(string Id, string Question, string? AgendaItemId, string OutcomeText);
