using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes.Dashboard;

/// <summary>
/// The ballot's exports from the tab: the same files as in chat (<see cref="BallotExports"/>), behind a short-lived
/// link made for the person who asked, which the tab offers beside the message.
/// </summary>
public sealed class ExportFromBoard(
    bool audit, BallotStore ballots, BallotExports exports, ExportStore store, LinkValidity validity, IStringLocalizer<VotesTexts> texts) : IDashboardAction
{
    public const string ResultsVerb = "votes.export";
    public const string AuditVerb = "votes.exportaudit";

    public string Verb => audit ? AuditVerb : ResultsVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return DashboardActionResult.Refused(texts["Vote_UnknownBallot"]);
        }

        var file = audit ? await exports.AuditAsync(ballot, cancellationToken) : await exports.ResultsAsync(ballot, cancellationToken);
        if (file is null)
        {
            return DashboardActionResult.Refused(texts["Export_NotClosed"]);
        }

        var link = await store.SaveAsync(file.Content, file.FileName, file.ContentType, file.Bytes, request.User.AadObjectId, cancellationToken);
        return new DashboardActionResult(true, texts[audit ? "Board_AuditExportReady" : "Board_ExportReady", validity.Of(link)], Download: link.Url.AbsoluteUri);
    }
}
