using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

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
