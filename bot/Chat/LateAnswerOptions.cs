namespace BepBot.Chat;

/// <summary>
/// Clicks that come in bursts (<see cref="CardActionDefinition.AnswersLate"/>): Teams shows an error on a card it gets
/// no answer for within about 15 seconds, so past <see cref="After"/> the person is answered « pris en compte » and the
/// card is updated when the work ends.
/// </summary>
public sealed class LateAnswerOptions
{
    public const string Section = "LateAnswers";

    /// <summary>How long after it came in a click may still be working before it is answered « pris en compte ».</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// How long the work of a burst click keeps retrying an unreachable store: past the turn's own deadline, since its
    /// person was answered and waits for the card, not for Teams' 15 seconds.
    /// </summary>
    public TimeSpan WorkRetriesFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many burst clicks work at once on one instance (<see cref="BurstWork"/>); the others wait their turn.</summary>
    public int MaxConcurrentWork { get; set; } = 16;
}
