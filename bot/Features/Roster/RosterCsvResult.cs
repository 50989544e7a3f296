using System.Net.Mail;
using System.Text.RegularExpressions;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Territory;
using CsvHelper;

namespace BepBot.Features.Roster;

public sealed record RosterCsvResult(IReadOnlyList<Member> Members, IReadOnlyList<CsvLineError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
