using BepBot.Infrastructure.Storage;
using BepBot.Platform.Procurations;

namespace BepBot.Features.Votes;

/// <summary>A commune a member may vote for in a ballot: their own, or one whose procuration they hold.</summary>
/// <param name="HeldFrom">The procuration the member holds for this commune (null: it is their own commune).</param>
/// <param name="Vote">The commune's vote as stored (open ballots only; with its ETag, so a change can replace it).</param>
/// <param name="Voted">Whether the commune has voted (for a secret ballot, its participation).</param>
public sealed record VotingSeat(string Commune, Procuration? HeldFrom, Document<CommuneVote>? Vote = null, bool Voted = false);
