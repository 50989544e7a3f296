using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Projects;

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
