using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>`projects.history`: the previous states kept at each update.</summary>
public sealed class ShowProjectHistory(
    ProjectRegisterStore register,
    ProjectCards cards,
    IStringLocalizer<ProjectsTexts> texts,
    ILogger<ShowProjectHistory> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ProjectReference>(data);
        var project = (await register.GetAsync(cancellationToken)).Index.Find(request.ProjectId);
        if (project is null)
        {
            ProjectLog.UnknownProject(logger, request.ProjectId, turn.User.AadObjectId);
            return Reply.WithText(texts["Project_Unknown"]);
        }

        var history = await register.HistoryAsync(project.Id, cancellationToken);
        return Reply.WithCard(cards.History(project, history, turn.Culture), project.Name);
    }
}
