using BepBot.Chat;

namespace BepBot.Features.Projects;

/// <summary>`projets [bassin|commune|programme|statut…]`.</summary>
public sealed class ListProjects(ProjectRegisterStore register, ProjectAnswers answers) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var snapshot = await register.GetAsync(cancellationToken);
        return answers.Render(turn, ProjectQuestions.List(snapshot.Index, arguments, centrals: false, turn.User.Commune), arguments)!;
    }
}
