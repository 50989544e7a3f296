namespace BepBot.Features.Votes;

/// <summary>Marker for the votes' texts: VotesTexts.resx (French) and VotesTexts.en.resx (English).</summary>
public sealed class VotesTexts;
