namespace BepBot.Features.Labs;

/// <summary>Where someone stands in a lab, as the cards show it.</summary>
public sealed record Standing(Registration Registration, int? Position, WaitReason? Reason);
