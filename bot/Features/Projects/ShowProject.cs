using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>`projects.show`: a pick-list button or "Voir la fiche complète".</summary>
public sealed partial class ShowProject(
    ProjectRegisterStore register,
    ProjectCards cards,
    IStringLocalizer<ProjectsTexts> texts,
    ILogger<ShowProject> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ProjectReference>(data);
        var project = (await register.GetAsync(cancellationToken)).Index.Find(request.ProjectId);
        if (project is null)
        {
            LogUnknown(logger, request.ProjectId, turn.User.AadObjectId);
            return Reply.WithText(texts["Project_Unknown"]);
        }

        return cards.Project(turn, project, QuestionIntent.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown project {ProjectId} asked by {User}")]
    private static partial void LogUnknown(ILogger logger, [PseudonymousId] string projectId, [PseudonymousId] string user);
}
