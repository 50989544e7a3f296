namespace BepBot.Features.Conferences;

/// <summary>How many communes in scope must be present or represented for the Conférence to deliberate.</summary>
public enum QuorumRule
{
    Majority,
    TwoThirds,
    None,
}
