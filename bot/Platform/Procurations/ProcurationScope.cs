namespace BepBot.Platform.Procurations;

/// <summary>What a procuration covers: one ballot, or every ballot of one conference session.</summary>
public enum ProcurationScope
{
    Ballot,
    Session,
}
