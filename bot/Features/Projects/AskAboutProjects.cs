using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

/// <summary>Answers a register question with the right card, whatever its shape.</summary>
public sealed class ProjectAnswers(ProjectCards cards)
{
    public Reply? Render(ChatTurn turn, ProjectAnswer answer, string question) => answer switch
    {
        SingleProject single => cards.Project(turn, single.Project, single.Intent),
        ProjectChoices choices => cards.Choices(choices.Projects, question),
        ProjectList list => cards.Listing(list),
        NoProjectFound none => cards.NotFound(none.Question, none.Suggestions),
        _ => null,
    };
}

/// <summary>
/// Free text no command matched: a question about the register is answered from it; anything else is left to the
/// fallback (the help feature's "je n'ai pas compris"). Guests are not answered from the register.
/// </summary>
public sealed partial class AskAboutProjects(
    ProjectRegisterStore register,
    ProjectAnswers answers,
    ILogger<AskAboutProjects> logger) : IFreeTextHandler
{
    public async Task<Reply?> TryAnswerAsync(ChatTurn turn, string text, CancellationToken cancellationToken)
    {
        if (turn.User.Role == Role.Guest)
        {
            return null;
        }

        var snapshot = await register.GetAsync(cancellationToken);
        var answer = ProjectQuestions.Answer(snapshot.Index, text, turn.User.Commune);
        if (answers.Render(turn, answer, text) is not { } reply)
        {
            return null;
        }

        LogAnswered(logger, answer.GetType().Name, turn.User.AadObjectId);
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register question answered as {Answer} for {User}")]
    private static partial void LogAnswered(ILogger logger, string answer, string user);
}

/// <summary>`projets [bassin|commune|programme|statut…]`.</summary>
public sealed class ListProjects(ProjectRegisterStore register, ProjectAnswers answers) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var snapshot = await register.GetAsync(cancellationToken);
        return answers.Render(turn, ProjectQuestions.List(snapshot.Index, arguments, centrals: false, turn.User.Commune), arguments)!;
    }
}

/// <summary>`centrales [commune]`: the purchasing centrals and the communes that joined each.</summary>
public sealed class ListCentrals(ProjectRegisterStore register, ProjectAnswers answers) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var snapshot = await register.GetAsync(cancellationToken);
        return answers.Render(turn, ProjectQuestions.List(snapshot.Index, arguments, centrals: true, turn.User.Commune), arguments)!;
    }
}

public sealed record ProjectReference(string ProjectId);

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
    private static partial void LogUnknown(ILogger logger, string projectId, string user);
}
