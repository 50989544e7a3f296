namespace BepBot.Features.Votes;

public enum QuorumKind
{
    None,
    Communes,
    Percent,
}
