namespace BepBot.Features.Observatoire;

/// <summary>One figure of a data set: a commune's value for an indicator in a year, as the file gave it.</summary>
public sealed record Observation(string Commune, string Indicator, int Year, decimal Value, string Unit, string Source);
