namespace BepBot.Chat;

/// <summary>An Action.Execute verb a feature answers, named &lt;feature&gt;.&lt;action&gt;.</summary>
/// <param name="UsesFlows">False for a click that never reads or starts a flow: its turn skips the conversation state.</param>
/// <param name="Refreshes">A card's refresh (Universal Actions): the handler's card replaces the one on screen, and
/// the turn writes nothing to the store, not even the duplicate check of a click.</param>
/// <param name="AnswersLate">A click that comes in bursts (a vote, a registration): when its work takes longer than
/// <see cref="LateAnswerOptions.After"/>, the person gets a « pris en compte » card at once and the work's own card
/// replaces it when done. Its claim keeps the activity, so that another instance finishes it if this one dies.</param>
/// <param name="RedrawnBy">The refresh verb of the card this click is on (a ballot, a seminar, a session): Teams resending
/// a click already done is answered with that card as it stands now, read-only, rather than a sentence.</param>
public sealed record CardActionDefinition(string Verb, IReadOnlySet<Role> AllowedRoles, Type HandlerType, bool UsesFlows = true, bool Refreshes = false, bool AnswersLate = false, string? RedrawnBy = null);
