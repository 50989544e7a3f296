using BepBot.Infrastructure.Text;

namespace BepBot.Features.Observatoire;

public sealed record ObservatoireCsvResult(IReadOnlyList<Observation> Observations, IReadOnlyList<CsvLineError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
