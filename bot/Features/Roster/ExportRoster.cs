using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>
/// `exporter l'annuaire` and the « Exporter l'annuaire (CSV) » button of `annuaire`: the roster as a CSV file with the
/// import's columns (email,name,role,commune,aadObjectId,tenantId), so that the file sent back unchanged imports with no
/// change. Behind a short-lived link: it is personal data.
/// </summary>
public sealed class ExportRoster(
    RosterDirectory roster,
    ExportHandout handout,
    LinkValidity validity,
    TimeProvider clock,
    IStringLocalizer<RosterTexts> texts,
    ILogger<ExportRoster> logger) : ICommandHandler, ICardActionHandler
{
    public const string Verb = "roster.export";

    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) => ExportAsync(turn, cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) => ExportAsync(turn, cancellationToken);

    private async Task<Reply> ExportAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var members = (await roster.GetAsync(cancellationToken)).Members;
        var file = FileOf(members, clock.GetUtcNow());
        RosterLog.Exported(logger, turn.User.AadObjectId, members.Count);
        return await handout.ReplyAsync(
            turn,
            [file],
            links => texts["RosterExport_Ready", file.FileName, links[0].Url, validity.Of(links[0])],
            Verb,
            new { },
            cancellationToken);
    }

    /// <summary>The roster as a CSV file with the import's columns, named after the day (also what the dashboard tab offers).</summary>
    public static ExportedFile FileOf(IReadOnlyList<Member> members, DateTimeOffset now)
    {
        var table = new ExportTable([.. RosterCsv.Columns, RosterCsv.AadObjectIdColumn, RosterCsv.TenantColumn]);
        foreach (var member in members)
        {
            table.Add(member.Email, member.Name, member.Role.Id(), member.Commune ?? string.Empty, member.IsPending ? string.Empty : member.AadObjectId, member.TenantId ?? string.Empty);
        }

        var fileName = $"annuaire-bepbot-{BelgianTime.ToBrussels(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return new ExportedFile(ExportContent.PersonalData, fileName, ExportTable.CsvContentType, table.ToCsv());
    }
}
