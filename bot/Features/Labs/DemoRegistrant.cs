namespace BepBot.Features.Labs;

/// <summary>An invented registrant of the demo labs: not a roster member, clearly marked as demo by name.</summary>
public sealed record DemoRegistrant(string AadObjectId, string Name, string Commune);
