using BepBot.Chat;

namespace BepBot.Features.Projects;

/// <summary>`centrales [commune]`: the purchasing centrals and the communes that joined each.</summary>
public sealed class ListCentrals(ProjectRegisterStore register, ProjectAnswers answers) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var snapshot = await register.GetAsync(cancellationToken);
        return answers.Render(turn, ProjectQuestions.List(snapshot.Index, arguments, centrals: true, turn.User.Commune), arguments)!;
    }
}
