using BepBot.Cards;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Chat.Flows;

/// <summary>Starts flows, feeds them the user's answers (typed or clicked), re-prompts on invalid input, cancels.</summary>
public sealed partial class FlowRunner(
    IEnumerable<Flow> flows,
    CardCatalog cards,
    IStringLocalizer<ChatTexts> texts,
    TimeProvider clock,
    ILogger<FlowRunner> logger)
{
    public const string AnswerVerb = "flows.answer";
    public const string CancelVerb = "flows.cancel";
    public const string LeaveVerb = "flows.leave";
    public const string ResumeVerb = "flows.resume";

    public async Task<Reply> StartAsync(ChatTurn turn, string flowId, CancellationToken cancellationToken)
    {
        var flow = Find(flowId) ?? throw new InvalidOperationException($"Unknown flow '{flowId}'.");
        var first = NextApplicableStep(flow, new FlowValues(new Dictionary<string, string>()), afterIndex: -1);
        if (first is null)
        {
            return await flow.CompleteAsync(turn, new FlowValues(new Dictionary<string, string>()), cancellationToken);
        }

        turn.Flows.Push(new FlowFrame { FlowId = flow.Id, StepName = first.Name, StartedAt = clock.GetUtcNow() });
        LogFlowStarted(logger, flow.Id, turn.User.AadObjectId);
        return Prompt(turn, flow, turn.Flows.Current!, error: null);
    }

    /// <summary>A typed answer to the current step.</summary>
    public Task<Reply> ContinueAsync(ChatTurn turn, string input, CancellationToken cancellationToken) =>
        AnswerAsync(turn, turn.Flows.Current!, input, cancellationToken);

    /// <summary>A clicked answer: refused unless it answers the step the flow is waiting for (old cards, forged payloads).</summary>
    public Task<Reply> AnswerFromCardAsync(ChatTurn turn, string? flowId, string? stepName, string? value, CancellationToken cancellationToken)
    {
        var frame = turn.Flows.Current;
        if (frame is null || frame.FlowId != flowId || frame.StepName != stepName)
        {
            LogStaleAnswer(logger, flowId, stepName, turn.User.AadObjectId);
            return Task.FromResult(Reply.WithText(texts["Flow_StaleCard"]));
        }

        return AnswerAsync(turn, frame, value ?? string.Empty, cancellationToken);
    }

    public Reply Cancel(ChatTurn turn)
    {
        var frame = turn.Flows.Current;
        if (frame is null)
        {
            return NothingToCancel();
        }

        turn.Flows.Pop();
        LogFlowCancelled(logger, frame.FlowId, turn.User.AadObjectId);
        var title = Find(frame.FlowId)?.Title(turn) ?? frame.FlowId;
        var cancelled = Reply.WithText(texts["Flow_Cancelled", title]);
        var resumed = turn.Flows.Current;
        var outer = resumed is null ? null : Find(resumed.FlowId);
        return outer is null ? cancelled : cancelled.Then(Prompt(turn, outer, resumed!, error: null));
    }

    public Reply NothingToCancel() => Reply.WithText(texts["Flow_NothingToCancel"]);

    public Reply StaleCard() => Reply.WithText(texts["Flow_StaleCard"]);

    /// <summary>
    /// A command typed in the middle of a flow: a card that asks whether to leave the flow for it, or null when the text
    /// is an answer after all. A free-text answer may begin with a command's word (« Projets de mobilité : … »), so
    /// there only the command alone asks; a step answered with buttons asks for any command.
    /// </summary>
    public Reply? AskToLeave(ChatTurn turn, CommandMatch command)
    {
        var frame = turn.Flows.Current!;
        var flow = Find(frame.FlowId);
        var step = flow?.Steps.FirstOrDefault(candidate => candidate.Name == frame.StepName);
        if (flow is null || step is null || (command.Arguments.Length > 0 && step.Prompt(turn, new FlowValues(frame.Values)).Choices.Count == 0))
        {
            return null;
        }

        var typed = turn.Text.Trim();
        var shown = CardText.EscapeMarkdown(typed.Length <= 60 ? typed : typed[..57] + "…");
        var title = flow.Title(turn);
        var question = texts["Flow_LeaveQuestion", CardText.EscapeMarkdown(title), shown].Value;
        LogLeaveAsked(logger, flow.Id, command.Command.Id, turn.User.AadObjectId);
        var card = cards.Render("flows/leave", new
        {
            Title = title,
            Question = question,
            Flow = flow.Id,
            Step = step.Name,
            Command = typed,
            LeaveTitle = LeaveTitle(shown),
            ContinueTitle = texts["Flow_ContinueButton"].Value,
        });
        return Reply.WithCard(card, question);
    }

    // A button's title shows on one line: on a phone (320 px), about 40 characters. The question names the command anyway.
    private string LeaveTitle(string command)
    {
        var full = texts["Flow_LeaveButton", command].Value;
        return full.Length <= 40 ? full : texts["Flow_LeaveButtonShort"].Value;
    }

    /// <summary>Leaves the flow the card was about, if the person is still at that step: the card then says so; null otherwise.</summary>
    public Reply? Leave(ChatTurn turn, string flowId, string stepName)
    {
        var frame = turn.Flows.Current;
        if (frame is null || frame.FlowId != flowId || frame.StepName != stepName)
        {
            LogStaleAnswer(logger, flowId, stepName, turn.User.AadObjectId);
            return null;
        }

        turn.Flows.Pop();
        LogFlowLeft(logger, frame.FlowId, turn.User.AadObjectId);
        var title = Find(frame.FlowId)?.Title(turn) ?? frame.FlowId;
        return Reply.UpdatingCard(cards.Render("common/confirmation", new { Title = title, Message = texts["Flow_Cancelled", CardText.EscapeMarkdown(title)].Value, Details = Array.Empty<object>() }));
    }

    /// <summary>« Continuer le formulaire »: the step the flow is at, asked again in place of the question.</summary>
    public Reply Resume(ChatTurn turn, string flowId, string stepName)
    {
        var frame = turn.Flows.Current;
        var flow = frame is null || frame.FlowId != flowId || frame.StepName != stepName ? null : Find(flowId);
        if (flow is null)
        {
            LogStaleAnswer(logger, flowId, stepName, turn.User.AadObjectId);
            return StaleCard();
        }

        return Reply.UpdatingCard(PromptCard(turn, flow, frame!, error: null).Card);
    }

    private async Task<Reply> AnswerAsync(ChatTurn turn, FlowFrame frame, string input, CancellationToken cancellationToken)
    {
        var flow = Find(frame.FlowId);
        if (flow is null || !flow.AllowedRoles.Contains(turn.User.Role))
        {
            // The flow was removed by an upgrade, or the user's role changed meanwhile: drop it rather than trap the user.
            turn.Flows.Pop();
            return Reply.WithText(texts["Flow_NoLongerAvailable"]);
        }

        var step = flow.Steps.FirstOrDefault(candidate => candidate.Name == frame.StepName);
        if (step is null)
        {
            turn.Flows.Pop();
            return Reply.WithText(texts["Flow_NoLongerAvailable"]);
        }

        var values = new FlowValues(frame.Values);
        var answer = await step.Accept(turn, values, input.Trim());
        if (!answer.IsValid)
        {
            LogInvalidAnswer(logger, flow.Id, step.Name, turn.User.AadObjectId);
            return Prompt(turn, flow, frame, answer.Error);
        }

        frame.Values[step.Name] = answer.Value;
        var next = NextApplicableStep(flow, values, IndexOf(flow, step.Name));
        if (next is not null)
        {
            frame.StepName = next.Name;
            return Prompt(turn, flow, frame, error: null);
        }

        turn.Flows.Pop();
        LogFlowCompleted(logger, flow.Id, turn.User.AadObjectId);
        return await flow.CompleteAsync(turn, new FlowValues(frame.Values), cancellationToken);
    }

    private Reply Prompt(ChatTurn turn, Flow flow, FlowFrame frame, string? error)
    {
        var (card, question) = PromptCard(turn, flow, frame, error);
        return Reply.WithCard(card, error ?? question);
    }

    private (System.Text.Json.Nodes.JsonObject Card, string Question) PromptCard(ChatTurn turn, Flow flow, FlowFrame frame, string? error)
    {
        var values = new FlowValues(frame.Values);
        var step = flow.Steps.First(candidate => candidate.Name == frame.StepName);
        var prompt = step.Prompt(turn, values);
        // Counted on the flow's definition, so the total never changes midway: a step skipped (no commune for BEP
        // staff) is stepped over, and the last step is always « n sur n ».
        var position = IndexOf(flow, step.Name) + 1;
        var card = cards.Render("flows/prompt", new
        {
            Title = flow.Title(turn),
            Progress = texts["Flow_Progress", position, flow.Steps.Count].Value,
            // Questions and errors echo what users typed (a name, a wrong e-mail): never let it format the card.
            Question = CardText.EscapeMarkdown(prompt.Question),
            Hint = CardText.EscapeMarkdown(prompt.Hint ?? string.Empty),
            Error = CardText.EscapeMarkdown(error ?? string.Empty),
            Flow = flow.Id,
            Step = step.Name,
            HasChoices = prompt.Choices.Count > 0,
            Choices = prompt.Choices.Select(choice => new { choice.Title, choice.Value }).ToList(),
            InputLabel = texts["Flow_InputLabel"].Value,
            InputError = texts["Flow_InputError"].Value,
            Placeholder = prompt.Placeholder ?? string.Empty,
            SubmitTitle = texts["Flow_Submit"].Value,
            CancelTitle = texts["Flow_CancelButton"].Value,
            CancelHint = texts["Flow_CancelHint"].Value,
        });
        return (card, prompt.Question);
    }

    private Flow? Find(string flowId) => flows.FirstOrDefault(flow => flow.Id == flowId);

    // By name: a flow may build its steps afresh on each call, so instances are not comparable.
    private static int IndexOf(Flow flow, string stepName) => flow.Steps.ToList().FindIndex(step => step.Name == stepName);

    private static FlowStep? NextApplicableStep(Flow flow, FlowValues values, int afterIndex) =>
        flow.Steps.Skip(afterIndex + 1).FirstOrDefault(step => step.AppliesWhen?.Invoke(values) ?? true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} started by {User}")]
    private static partial void LogFlowStarted(ILogger logger, string flowId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} completed by {User}")]
    private static partial void LogFlowCompleted(ILogger logger, string flowId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} cancelled by {User}")]
    private static partial void LogFlowCancelled(ILogger logger, string flowId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} left by {User} for another command")]
    private static partial void LogFlowLeft(ILogger logger, string flowId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {CommandId} typed in flow {FlowId} by {User}: asked whether to leave the flow")]
    private static partial void LogLeaveAsked(ILogger logger, string flowId, string commandId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invalid answer to flow {FlowId} step {Step} from {User}")]
    private static partial void LogInvalidAnswer(ILogger logger, string flowId, string step, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stale or forged flow answer (flow {FlowId}, step {Step}) from {User}")]
    private static partial void LogStaleAnswer(ILogger logger, [PseudonymousId] string? flowId, [PseudonymousId] string? step, [PseudonymousId] string user);
}
