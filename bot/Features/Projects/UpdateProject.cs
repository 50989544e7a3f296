using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
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

/// <summary>What the update form sends: its inputs (strings, as Teams sends them) and the version it was drawn from.</summary>
public sealed record ProjectUpdateData(
    string ProjectId,
    int Version,
    string? Status = null,
    string? Progress = null,
    string? Phase = null,
    string? Milestone = null,
    string? MilestoneDate = null,
    string? Note = null);

/// <summary>`projects.update`: validates the form, then writes it if the project is still at the form's version.</summary>
public sealed partial class SaveProjectUpdate(
    ProjectRegisterStore register,
    ProjectCards cards,
    IStringLocalizer<ProjectsTexts> texts,
    ILogger<SaveProjectUpdate> logger) : ICardActionHandler
{
    private const int MaxShortText = 200;
    private const int MaxNote = 1000;

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<ProjectUpdateData>(data);
        var error = Validate(request, out var status, out var progress, out var date);
        if (error is not null)
        {
            ProjectLog.UpdateRejected(logger, request.ProjectId, turn.User.AadObjectId, error);
            return Reply.WithText(error);
        }

        var result = await register.UpdateProjectAsync(
            request.ProjectId,
            request.Version,
            project => project with
            {
                Status = status,
                Progress = progress,
                Phase = Clean(request.Phase) ?? project.Phase,
                NextMilestone = Clean(request.Milestone),
                NextMilestoneDate = date,
                Note = Clean(request.Note),
            },
            turn.User.Name,
            cancellationToken);
        switch (result.Outcome)
        {
            case ProjectUpdateOutcome.NotFound:
                ProjectLog.UnknownProject(logger, request.ProjectId, turn.User.AadObjectId);
                return Reply.WithText(texts["Project_Unknown"]);
            case ProjectUpdateOutcome.Stale:
                ProjectLog.UpdateStale(logger, request.ProjectId, request.Version, result.Project!.Version, turn.User.AadObjectId);
                return Reply.WithText(texts["Update_Stale", result.Project.Name, CardText.EscapeMarkdown(result.Project.UpdatedBy), result.Project.Version])
                    .Then(cards.Project(turn, result.Project, QuestionIntent.None));
            default:
                ProjectLog.Updated(logger, request.ProjectId, result.Project!.Version, turn.User.AadObjectId);
                var card = cards.Project(turn, result.Project, QuestionIntent.None);
                // The form is replaced in place by the updated project card, so its Save button cannot be clicked twice.
                return Reply.UpdatingCard(card.Messages[0].Card!).Then(Reply.WithText(texts["Update_Done", result.Project.Name, result.Project.Version]));
        }
    }

    private string? Validate(ProjectUpdateData request, out ProjectStatus status, out int progress, out DateOnly? date)
    {
        status = default;
        progress = 0;
        date = null;
        var parsedStatus = Enum.GetValues<ProjectStatus>().Select(value => (ProjectStatus?)value)
            .FirstOrDefault(value => ProjectCards.StatusValue(value!.Value) == request.Status);
        if (parsedStatus is null)
        {
            return texts["Update_InvalidStatus", request.Status ?? string.Empty];
        }

        status = parsedStatus.Value;
        if (!int.TryParse(request.Progress, NumberStyles.Integer, CultureInfo.InvariantCulture, out progress) || progress is < 0 or > 100)
        {
            return texts["Update_InvalidProgress", request.Progress ?? string.Empty];
        }

        if (!string.IsNullOrWhiteSpace(request.MilestoneDate))
        {
            if (!DateOnly.TryParseExact(request.MilestoneDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return texts["Update_InvalidDate", request.MilestoneDate];
            }

            date = parsed;
        }

        if ((request.Phase?.Length ?? 0) > MaxShortText || (request.Milestone?.Length ?? 0) > MaxShortText || (request.Note?.Length ?? 0) > MaxNote)
        {
            return texts["Update_TooLong"];
        }

        if (date is not null && Clean(request.Milestone) is null)
        {
            return texts["Update_DateWithoutMilestone"];
        }

        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

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

internal static partial class ProjectLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown project {ProjectId} from {User}")]
    public static partial void UnknownProject(ILogger logger, string projectId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update of project {ProjectId} by {User} rejected: {Reason}")]
    public static partial void UpdateRejected(ILogger logger, string projectId, string user, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update of project {ProjectId} from version {CardVersion} by {User} refused: now at version {CurrentVersion}")]
    public static partial void UpdateStale(ILogger logger, string projectId, int cardVersion, int currentVersion, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} updated to version {Version} by {User}")]
    public static partial void Updated(ILogger logger, string projectId, int version, string user);
}
