using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Projects;

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
    private static partial void LogAnswered(ILogger logger, string answer, [PseudonymousId] string user);
}
