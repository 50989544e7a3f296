namespace BepBot.Features.Conferences;

/// <summary>The agenda as broadcast the n-th time: conferences/agendas/{session}/{n}, the base of the next "ce qui a changé".</summary>
public sealed record AgendaPublication(string SessionId, int Number, DateTimeOffset StartsAt, IReadOnlyList<AgendaItem> Items, DateTimeOffset PublishedAt, string PublishedBy);
