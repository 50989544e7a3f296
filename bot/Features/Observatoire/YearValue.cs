using BepBot.Infrastructure.Text;

namespace BepBot.Features.Observatoire;

public sealed record YearValue(int Year, decimal Value);
