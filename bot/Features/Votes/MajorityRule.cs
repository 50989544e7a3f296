namespace BepBot.Features.Votes;

public enum MajorityRule
{
    /// <summary>More than half of the votes cast (abstentions in the base only when the ballot says so).</summary>
    Simple,

    /// <summary>More than half of the communes in scope, whether they voted or not.</summary>
    AbsoluteOfScope,

    /// <summary>At least two thirds of the votes cast (same base as simple).</summary>
    TwoThirds,
}
