using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>`mettre à jour projet &lt;nom&gt;` and the "Mettre à jour" button (`projects.edit`): the staff update form.</summary>
public sealed partial class EditProject(
    ProjectRegisterStore register,
    ProjectCards cards,
    ProjectAnswers answers,
    IStringLocalizer<ProjectsTexts> texts,
    ILogger<EditProject> logger) : ICommandHandler, ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            return Reply.WithText(texts["Update_Usage"]);
        }

        var snapshot = await register.GetAsync(cancellationToken);
        var answer = ProjectQuestions.Answer(snapshot.Index, arguments);
        return answer switch
        {
            SingleProject single => Reply.WithCard(cards.UpdateForm(single.Project, turn.Culture), single.Project.Name),
            NotAboutProjects => cards.NotFound(arguments, []),
            _ => answers.Render(turn, answer, arguments)!,
        };
    }

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ProjectReference>(data);
        var project = (await register.GetAsync(cancellationToken)).Index.Find(request.ProjectId);
        if (project is null)
        {
            ProjectLog.UnknownProject(logger, request.ProjectId, turn.User.AadObjectId);
            return Reply.WithText(texts["Project_Unknown"]);
        }

        return Reply.WithCard(cards.UpdateForm(project, turn.Culture), project.Name);
    }
}
