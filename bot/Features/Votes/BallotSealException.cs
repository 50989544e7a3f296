namespace BepBot.Features.Votes;

/// <summary>A sealed choice that cannot be opened: the keys were lost or changed, or the document was tampered with.</summary>
public sealed class BallotSealException(string ballotId, string commune, Exception? inner)
    : Exception($"The sealed choice of {commune} in ballot {ballotId} does not open with this instance's keys.", inner)
{
    public string BallotId { get; } = ballotId;

    public string Commune { get; } = commune;
}
