using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>`synchroniser projets` (staff): a sync now, with what changed or why nothing did.</summary>
public sealed partial class SynchronizeProjects(
    ProjectSync sync,
    IStringLocalizer<ProjectsTexts> texts,
    ILogger<SynchronizeProjects> logger) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (!sync.IsConfigured)
        {
            return Reply.WithText(texts["Sync_NotConfigured"]);
        }

        try
        {
            var result = await sync.RunAsync(turn.User.Name, cancellationToken);
            return Reply.WithText(texts[
                "Sync_Done",
                texts[result.Incremental ? "Sync_Incremental" : "Sync_Full"],
                result.Added, result.Updated, result.Removed, result.Skipped, result.Total]);
        }
        catch (ProjectSyncException ex)
        {
            LogFailed(logger, ex, turn.User.AadObjectId);
            return Reply.WithText(ex.Reason == "conflict" ? texts["Sync_Conflict"] : texts["Sync_Failed", ex.Reason]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project sync asked by {User} failed; the register is unchanged")]
    private static partial void LogFailed(ILogger logger, Exception exception, [PseudonymousId] string user);
}
