using BepBot.Chat;
using BepBot.Infrastructure.Text;

namespace BepBot.Features.Roster;

public sealed record RosterCsvResult(IReadOnlyList<Member> Members, IReadOnlyList<CsvLineError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
