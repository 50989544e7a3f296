namespace BepBot.Features.Labs;

public sealed record EraseData(bool Confirm);
