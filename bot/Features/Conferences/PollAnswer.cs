namespace BepBot.Features.Conferences;

/// <summary>One commune's date-poll answers: conferences/polls/{session}/{commune}, by candidate index.</summary>
public sealed record PollAnswer(string Commune, string AadObjectId, string Name, IReadOnlyList<PollChoice> Choices, DateTimeOffset AnsweredAt);
