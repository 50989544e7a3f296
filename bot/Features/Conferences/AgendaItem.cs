namespace BepBot.Features.Conferences;

/// <param name="VoteQuestion">A vote planned on this item (the votes feature opens the ballot).</param>
/// <param name="BallotId">The ballot held on this item, once the votes feature opened it.</param>
public sealed record AgendaItem(string Id, string Title, string? Presenter, int Minutes, IReadOnlyList<AgendaLink> Links, string? VoteQuestion = null, string? BallotId = null);
