using System.Security.Cryptography;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Observatoire;

/// <summary>
/// A data set a staff member sends the bot in a personal chat: a CSV file whose first row has an indicateur column
/// (the core has checked the sender and downloaded it). Checked row by row, and imported as a new version of the data
/// set named after the file, or rejected whole with every bad row listed.
/// </summary>
public sealed partial class ImportDataSetFile(
    DataSetStore dataSets,
    CardCatalog cards,
    TimeProvider clock,
    IStringLocalizer<ObservatoireTexts> texts,
    ILogger<ImportDataSetFile> logger) : IFileImport
{
    public const int MaxErrorsShown = 30;

    public bool Recognises(IReadOnlyList<string> columns) => ObservatoireCsv.IsHeader(columns);

    public string DescribeExpectedFile() => texts["Import_Expected"];

    public async Task<Reply> ImportAsync(ChatTurn turn, SentFile file, CancellationToken cancellationToken)
    {
        var (fileName, content) = (file.Name, file.Content);
        var result = ObservatoireCsv.Parse(file.Text, clock.GetUtcNow().Year + 1);
        if (!result.IsValid)
        {
            LogRejected(logger, fileName, result.Errors.Count, turn.User.AadObjectId);
            return Reply.WithCard(cards.Render("observatoire/import-report", new
            {
                Title = texts["Import_Rejected", CardText.EscapeMarkdown(fileName), result.Errors.Count].Value,
                Lines = result.Errors.Take(MaxErrorsShown)
                    .Select(error => new { Text = texts["Import_ErrorLine", error.Line, CardText.EscapeMarkdown(error.Describe(texts))].Value })
                    .ToList(),
                Footer = result.Errors.Count > MaxErrorsShown ? texts["Import_MoreErrors", result.Errors.Count - MaxErrorsShown].Value : string.Empty,
            }), texts["Import_Rejected", fileName, result.Errors.Count]);
        }

        var version = await dataSets.ImportAsync(
            DataSetStore.NameOf(fileName), result.Observations, turn.User.Name, fileName, isDemo: false, HashOf(content), cancellationToken);
        LogImported(logger, version.DataSetId, version.Version, version.Observations.Count, turn.User.AadObjectId);
        var done = texts["Import_Done", CardText.EscapeMarkdown(fileName), version.Observations.Count, version.Observations.Select(row => row.Indicator).Distinct().Count(), version.Version].Value;
        return Reply.WithText(version.Version > 1 ? done + " " + texts["Import_PreviousKept", version.Version - 1].Value : done);
    }

    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [LoggerMessage(Level = LogLevel.Information, Message = "Observatoire file {FileName} rejected with {Count} error(s), sent by {User}")]
    private static partial void LogRejected(ILogger logger, string fileName, int count, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Observatoire data set {DataSetId} version {Version} imported ({Rows} rows) by {User}")]
    private static partial void LogImported(ILogger logger, string dataSetId, int version, int rows, [PseudonymousId] string user);
}
