using System.Net;
using System.Security.Cryptography;
using System.Text;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Observatoire;

/// <summary>
/// A CSV file a staff member sends the bot in a personal chat (Teams file upload): downloaded from the link Teams
/// gives, checked row by row, and imported as a new version of the data set named after the file, or rejected
/// whole with every bad row listed.
/// </summary>
public sealed partial class ImportDataSetFile(
    IHttpClientFactory httpClients,
    DataSetStore dataSets,
    CardCatalog cards,
    IOptions<ObservatoireOptions> options,
    TimeProvider clock,
    IStringLocalizer<ObservatoireTexts> texts,
    ILogger<ImportDataSetFile> logger) : IFileMessageHandler
{
    public const string HttpClientName = "observatoire-downloads";
    public const int MaxErrorsShown = 30;

    public async Task<Reply> HandleAsync(ChatTurn turn, IReadOnlyList<ChatAttachment> files, CancellationToken cancellationToken)
    {
        if (turn.User.Role != Role.BepStaff)
        {
            LogRefused(logger, turn.User.AadObjectId, turn.User.Role);
            return Reply.WithText(texts["Import_StaffOnly"]);
        }

        if (turn.Conversation.Kind != ConversationKind.Personal)
        {
            return Reply.WithText(texts["Import_PersonalOnly"]);
        }

        if (files.Count > 1)
        {
            return Reply.WithText(texts["Import_OneFile"]);
        }

        var file = files[0];
        var fileName = Path.GetFileName(file.Name ?? string.Empty);
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(file.FileType, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Reply.WithText(texts["Import_NotCsv", CardText.EscapeMarkdown(fileName)]);
        }

        if (fileName.Length == 0)
        {
            fileName = "donnees.csv";
        }

        var url = file.DownloadUrl!;
        // Teams' download links are https; plain http only to this machine (tests, local play).
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            LogInsecureUrl(logger, turn.User.AadObjectId, url.Scheme);
            return Reply.WithText(texts["Import_DownloadFailed", CardText.EscapeMarkdown(fileName)]);
        }

        var maxBytes = options.Value.MaxFileMegabytes * 1024L * 1024L;
        byte[] content;
        try
        {
            content = await DownloadAsync(url, maxBytes, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return Reply.WithText(texts["Import_TooLarge", options.Value.MaxFileMegabytes]);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            LogDownloadFailed(logger, ex, fileName);
            return Reply.WithText(texts["Import_DownloadFailed", CardText.EscapeMarkdown(fileName)]);
        }

        var result = ObservatoireCsv.Parse(Decode(content), clock.GetUtcNow().Year + 1);
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

    /// <summary>UTF-8 (with or without BOM) as most tools write it; else Windows-1252/Latin-1, as older Excel saves CSV.</summary>
    public static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }

    private async Task<byte[]> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DownloadTimeout);
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"Download answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FileTooLargeException();
        }

        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FileTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed class FileTooLargeException : Exception;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observatoire import refused to {User} with role {Role}")]
    private static partial void LogRefused(ILogger logger, [PseudonymousId] string user, Role role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observatoire import from {User} refused: download link scheme {Scheme}")]
    private static partial void LogInsecureUrl(ILogger logger, [PseudonymousId] string user, string scheme);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observatoire file {FileName} could not be downloaded")]
    private static partial void LogDownloadFailed(ILogger logger, Exception exception, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Observatoire file {FileName} rejected with {Count} error(s), sent by {User}")]
    private static partial void LogRejected(ILogger logger, string fileName, int count, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Observatoire data set {DataSetId} version {Version} imported ({Rows} rows) by {User}")]
    private static partial void LogImported(ILogger logger, string dataSetId, int version, int rows, [PseudonymousId] string user);
}
