namespace BepBot.Chat;

/// <summary>Whether a click of an <see cref="CardActionDefinition.AnswersLate"/> verb may be answered « pris en compte » before its work ends.</summary>
public enum LateAnswer
{
    /// <summary>The click is not kept anywhere but in this turn: it is answered when its work ends.</summary>
    Never,

    /// <summary>Its claim keeps the activity: answered late if the work outlasts <see cref="LateAnswerOptions.After"/>.</summary>
    AfterDelay,

    /// <summary>A click taken over from an instance that died while working on it: nobody waits for this answer.</summary>
    AtOnce,
}
