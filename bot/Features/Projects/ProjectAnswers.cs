using BepBot.Chat;

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
