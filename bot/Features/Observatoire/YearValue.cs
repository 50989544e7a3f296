namespace BepBot.Features.Observatoire;

public sealed record YearValue(int Year, decimal Value);
