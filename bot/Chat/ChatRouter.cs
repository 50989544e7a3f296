using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Chat;

/// <summary>Handles what users do to the bot, whatever the channel: text, card clicks, flows, refusals.</summary>
public sealed partial class ChatRouter(
    CommandTable table,
    CardCatalog cards,
    IServiceProvider services,
    FlowRunner flows,
    IStringLocalizer<ChatTexts> texts,
    IServiceScopeFactory scopes,
    BurstWork burstWork,
    IOptions<LateAnswerOptions> lateAnswers,
    TimeProvider clock,
    ILogger<ChatRouter> logger)
{
    public const int MaxTextLength = 4000;
    public const string CancelCommandId = "cancel";
    public const string HelpCommandId = "help";

    public async Task<Reply> HandleMessageAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Length > MaxTextLength)
        {
            LogTooLong(logger, turn.Text.Length, turn.User.AadObjectId);
            return Reply.WithText(texts["Message_TooLong", turn.Text.Length, MaxTextLength]);
        }

        var files = turn.Attachments.Where(attachment => attachment.IsFileUpload).ToList();
        if (files.Count > 0)
        {
            return await services.GetRequiredService<ImportSentFile>().HandleAsync(turn, files, cancellationToken);
        }

        var match = table.Match(turn.Text);
        if (turn.Flows.Current is not null && match?.Command.Id is not (CancelCommandId or HelpCommandId))
        {
            // Another command in the middle of a flow: asked whether to leave the flow for it, never taken as the answer.
            return match is not null && match.Command.AllowedRoles.Contains(turn.User.Role) && flows.AskToLeave(turn, match) is { } question
                ? question
                : await flows.ContinueAsync(turn, turn.Text, cancellationToken);
        }

        if (match is null)
        {
            var question = table.WithoutGreeting(turn.Text) ?? turn.Text;
            foreach (var freeText in services.GetServices<IFreeTextHandler>())
            {
                if (await freeText.TryAnswerAsync(turn, question, cancellationToken) is { } answer)
                {
                    return answer;
                }
            }

            LogNotUnderstood(logger, turn.User.AadObjectId);
            return await services.GetRequiredService<IFallbackHandler>().HandleAsync(turn, turn.Text, cancellationToken);
        }

        if (!match.Command.AllowedRoles.Contains(turn.User.Role))
        {
            LogRefused(logger, match.Command.Id, turn.User.AadObjectId, turn.User.Role);
            return Reply.WithText(Refusal(match.Command.AllowedRoles, turn.User.Role));
        }

        var handler = (ICommandHandler)services.GetRequiredService(match.Command.HandlerType);
        return await handler.HandleAsync(turn, match.Arguments, cancellationToken);
    }

    public async Task<Reply> HandleCardActionAsync(ChatTurn turn, string? verb, JsonElement data, CancellationToken cancellationToken)
    {
        var action = table.FindVerb(verb);
        if (action is null)
        {
            LogUnknownVerb(logger, verb, turn.User.AadObjectId);
            return Reply.WithText(texts["Card_UnknownAction"]);
        }

        if (action.AnswersLate && turn.LateAnswer != LateAnswer.Never)
        {
            return await AnswerInTimeAsync(turn, action, data);
        }

        var reply = await AnswerCardActionAsync(turn, action, data, cancellationToken);
        return action.Refreshes ? AsRefresh(reply) : reply;
    }

    /// <summary>
    /// Teams resent a click whose turn is done: nothing runs again, and the person gets the card the click was on as
    /// it stands now (its refresh, fed the subject the click named and nothing else), or a sentence for a card that
    /// has none.
    /// </summary>
    public async Task<Reply> RedrawAsync(ChatTurn turn, string? verb, JsonElement data, CancellationToken cancellationToken)
    {
        var show = table.FindVerb(table.FindVerb(verb)?.RedrawnBy);
        if (show is null)
        {
            return Reply.WithText(texts["Duplicate_Action"]);
        }

        // The click's own members (the choice, the holder…) are not the refresh's: set aside, as a card's inputs are.
        IReadOnlySet<string> clicked = data.ValueKind == JsonValueKind.Object
            ? data.EnumerateObject().Select(member => member.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>();
        return AsRefresh(await AnswerCardActionAsync(turn, show, data, cancellationToken, clicked));
    }

    /// <summary>
    /// The click's work, given what is left of <see cref="LateAnswerOptions.After"/> to end: the person then gets its card as usual;
    /// past that, a « pris en compte » card, and the work goes on (in a scope of its own: the request's ends with the
    /// turn) until its reply replaces that card. Not cancelled with the request: the click is kept in its claim.
    /// </summary>
    private async Task<Reply> AnswerInTimeAsync(ChatTurn turn, CardActionDefinition action, JsonElement data)
    {
        // From here the turn waits for its work, which burst work runs and limits on its own.
        TurnAdmission.LeaveEarly();
        var work = WorkDetachedAsync(turn, action, data.Clone());
        var wait = turn.LateAnswer == LateAnswer.AtOnce ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, (lateAnswers.Value.After - turn.Spent).Ticks));
        // Teams' patience is wall-clock time, whatever clock the features run on.
        await ((Task)work).WaitAsync(wait, TimeProvider.System).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (work.IsCompleted)
        {
            return await work;
        }

        LogAnsweredLate(logger, action.Verb, turn.User.AadObjectId, wait);
        var pending = cards.Render("common/pending", new { Title = texts["Late_Title"].Value, Message = texts["Late_Message"].Value });
        return Reply.UpdatingCard(pending) with { Later = work };
    }

    private async Task<Reply> WorkDetachedAsync(ChatTurn turn, CardActionDefinition action, JsonElement data)
    {
        await Task.Yield();
        return await burstWork.RunAsync(async () =>
        {
            using var deadline = TurnDeadline.Begin(clock.GetUtcNow() + lateAnswers.Value.WorkRetriesFor);
            await using var scope = scopes.CreateAsyncScope();
            var router = scope.ServiceProvider.GetRequiredService<ChatRouter>();
            return await router.AnswerCardActionAsync(turn, action, data, CancellationToken.None);
        });
    }

    private async Task<Reply> AnswerCardActionAsync(ChatTurn turn, CardActionDefinition action, JsonElement data, CancellationToken cancellationToken, IReadOnlySet<string>? setAside = null)
    {
        if (!action.AllowedRoles.Contains(turn.User.Role))
        {
            LogRefused(logger, action.Verb, turn.User.AadObjectId, turn.User.Role);
            return Reply.WithText(Refusal(action.AllowedRoles, turn.User.Role));
        }

        try
        {
            var handler = (ICardActionHandler)services.GetRequiredService(action.HandlerType);
            return await handler.HandleAsync(turn.WithCardInputs(setAside ?? cards.InputsCarriedBy(action.Verb)), data, cancellationToken);
        }
        catch (InvalidCardDataException ex)
        {
            LogInvalidCardData(logger, ex, action.Verb, turn.User.AadObjectId);
            return Reply.WithText(texts["Card_InvalidData"]);
        }
    }

    /// <summary>
    /// A refresh always answers with a card, since Teams puts it in place of the one on screen: the card as it stands
    /// now, or, when the person may not see it (any more), a card that says so and shows nothing of the subject.
    /// </summary>
    private Reply AsRefresh(Reply reply)
    {
        if ((reply.CardUpdate ?? reply.Messages.Select(message => message.Card).FirstOrDefault(card => card is not null)) is { } card)
        {
            return Reply.UpdatingCard(card);
        }

        var reason = reply.Messages.Select(message => message.Text).FirstOrDefault(text => !string.IsNullOrEmpty(text)) ?? texts["Card_InvalidData"];
        return Reply.UpdatingCard(cards.Render("common/error", new { Title = texts["Refresh_Unavailable"].Value, Message = reason }));
    }

    // A guest is told how to get into the roster when any member may do it; anyone else is told whom it is for: an
    // officer refused the votes must not read that it is for members of the roster, which they are.
    private string Refusal(IReadOnlySet<Role> allowed, Role role) =>
        role == Role.Guest && allowed.IsSupersetOf(Roles.Members) ? texts["Refused_MembersOnly"]
        : allowed.SetEquals(Roles.Staff) ? texts["Refused_StaffOnly"]
        : allowed.SetEquals(Roles.Bourgmestres) ? texts["Refused_BourgmestresOnly"]
        : allowed.SetEquals(Roles.BourgmestresAndStaff) ? texts["Refused_BourgmestresAndStaffOnly"]
        : texts["Refused_RolesOnly", string.Join(", ", allowed.Order().Select(texts.RoleName))];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message of {Length} characters from {User} refused as too long")]
    private static partial void LogTooLong(ILogger logger, int length, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "No command matched the message from {User}")]
    private static partial void LogNotUnderstood(ILogger logger, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CommandOrVerb} refused to {User} with role {Role}")]
    private static partial void LogRefused(ILogger logger, string commandOrVerb, [PseudonymousId] string user, Role role);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} from {User} still working after {Wait}: answered « pris en compte », its card follows")]
    private static partial void LogAnsweredLate(ILogger logger, string verb, [PseudonymousId] string user, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown card verb {Verb} from {User}")]
    private static partial void LogUnknownVerb(ILogger logger, [PseudonymousId] string? verb, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalid card data for {Verb} from {User}")]
    private static partial void LogInvalidCardData(ILogger logger, Exception exception, string verb, [PseudonymousId] string user);
}
