using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster.Dashboard;

/// <summary>`roster.export` from the tab: the chat's roster export (the import's columns), as a download.</summary>
public sealed class DownloadRoster(RosterDirectory roster, ExportHandout handout, TimeProvider clock, IStringLocalizer<RosterTexts> texts, ILogger<DownloadRoster> logger) : IDashboardAction
{
    public const string ActionVerb = ExportRoster.Verb;

    public string Verb => ActionVerb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var members = (await roster.GetAsync(cancellationToken)).Members;
        RosterLog.Exported(logger, request.User.AadObjectId, members.Count);
        var file = ExportRoster.FileOf(members, clock.GetUtcNow()) with { LinkTitle = texts["Board_ExportFile"] };
        return await handout.OfferAsync(request.User, [file], texts["Board_ExportTitle"], RosterBoard.PageName, cancellationToken);
    }
}
