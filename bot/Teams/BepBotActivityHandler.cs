using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace BepBot.Teams;

/// <summary>
/// The only bot class: maps each Teams activity to the SDK-free router and back. Messages and card clicks go
/// through <see cref="ChatRouter"/>; installs and uninstalls keep the conversation directory up to date.
/// </summary>
public sealed partial class BepBotActivityHandler(
    ChatRouter router,
    AnswerFileConsent fileConsent,
    CommandTable table,
    TurnMapper mapper,
    ConversationDirectory conversations,
    IInstallGreeting greeting,
    PrivateConversationState conversationState,
    ILateReplies lateReplies,
    TimeProvider clock,
    ILogger<BepBotActivityHandler> logger) : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<ActiveFlows> _flows = conversationState.CreateProperty<ActiveFlows>("flows");

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var user = mapper.UserOfAsync(turnContext, cancellationToken);
        var remembered = RememberConversationAsync(turnContext, user, cancellationToken);
        var read = ReadTurnAsync(turnContext, user, cancellationToken);
        await Task.WhenAll(remembered, read);
        var turn = await read;
        var reply = await router.HandleMessageAsync(turn, cancellationToken);
        await SendAsync(turnContext, reply, cancellationToken);
        await SaveFlowsAsync(turnContext, await user, turn, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var verb = invokeValue.Action?.Verb;
        if (turnContext.TurnState.ContainsKey(DuplicateActivityMiddleware.RedrawKey))
        {
            var who = await mapper.UserOfAsync(turnContext, cancellationToken);
            var redrawn = await router.RedrawAsync(TurnMapper.ToChatTurn(turnContext, who.User, new ActiveFlows()), verb, ToJsonElement(invokeValue.Action?.Data), cancellationToken);
            return InvokeResponseOf(turnContext, redrawn);
        }

        // A click that never touches a flow (a vote) leaves the conversation state alone: one store round trip less.
        // A refresh writes nothing at all, not even when the person was last seen: it costs one card read.
        var definition = table.FindVerb(verb);
        var usesFlows = definition?.UsesFlows ?? true;
        var user = mapper.UserOfAsync(turnContext, cancellationToken);
        var touched = definition?.Refreshes == true ? Task.CompletedTask : TouchPersonAsync(turnContext, user, cancellationToken);
        var turn = usesFlows
            ? await ReadTurnAsync(turnContext, user, cancellationToken)
            : TurnMapper.ToChatTurn(turnContext, (await user).User, new ActiveFlows());
        // In a burst, the answer waits for nothing it does not need: when the person was last seen can be noted meanwhile.
        if (definition?.AnswersLate != true)
        {
            await touched;
        }

        var data = ToJsonElement(invokeValue.Action?.Data);
        var reply = await router.HandleCardActionAsync(turn, verb, data, cancellationToken);
        await touched;
        if (reply.Later is { } work)
        {
            var conversation = TurnMapper.SavedConversationOf(turnContext, clock.GetUtcNow());
            turnContext.TurnState.Add(DuplicateActivityMiddleware.LateReplyKey, lateReplies.DeliverWhenDoneAsync(conversation, turn.CardActivityId, work));
        }

        await SendAsync(turnContext, reply, cancellationToken);
        if (usesFlows)
        {
            await SaveFlowsAsync(turnContext, await user, turn, cancellationToken);
        }

        return InvokeResponseOf(turnContext, reply);
    }

    private static AdaptiveCardInvokeResponse InvokeResponseOf(ITurnContext turnContext, Reply reply)
    {
        var refresh = ReplyMapper.RefreshAudienceOf(turnContext);
        return reply.CardUpdate is not null
            ? ReplyMapper.CardInvokeResponse(reply.CardUpdate, refresh.UserIds, refresh.PersonalChat)
            : ReplyMapper.MessageInvokeResponse(reply.Messages.Count > 0 ? reply.Messages[0].Text ?? string.Empty : string.Empty);
    }

    // Teams answers the invoke 200 itself (the SDK's default) once these return; the outcome is a message in the chat.
    protected override Task OnTeamsFileConsentAcceptAsync(
        ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) =>
        AnswerFileConsentAsync(turnContext, fileConsentCardResponse, accepted: true, cancellationToken);

    protected override Task OnTeamsFileConsentDeclineAsync(
        ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) =>
        AnswerFileConsentAsync(turnContext, fileConsentCardResponse, accepted: false, cancellationToken);

    private async Task AnswerFileConsentAsync(
        ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse response, bool accepted, CancellationToken cancellationToken)
    {
        var user = await mapper.UserOfAsync(turnContext, cancellationToken);
        var turn = TurnMapper.ToChatTurn(turnContext, user.User, new ActiveFlows());
        var reply = await fileConsent.HandleAsync(turn, TurnMapper.ToFileConsentAnswer(response, accepted), cancellationToken);
        await SendAsync(turnContext, reply, cancellationToken);
    }

    /// <summary>
    /// Only the bot's own arrival and departure matter. The SDK's Teams dispatch would parse the whole channel data
    /// strictly and ask the connector about every other member added, none of which BepBot uses.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (Includes(activity.MembersAdded, activity.Recipient))
        {
            await InstalledAsync(turnContext, cancellationToken);
        }
        else if (Includes(activity.MembersRemoved, activity.Recipient))
        {
            await UninstalledAsync(turnContext, cancellationToken);
        }
    }

    // BepBot does not act on edited or deleted messages; the SDK's Teams dispatch of them parses the whole channel data.
    protected override Task OnMessageUpdateActivityAsync(ITurnContext<IMessageUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override Task OnMessageDeleteActivityAsync(ITurnContext<IMessageDeleteActivity> turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        InstalledAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        UninstalledAsync(turnContext, cancellationToken);

    private async Task InstalledAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Teams sends both a conversationUpdate and an installationUpdate for one install: greet only once.
        var now = clock.GetUtcNow();
        var conversation = TurnMapper.SavedConversationOf(turnContext, now) with { LastUsedAt = now };
        var user = await mapper.UserOfAsync(turnContext, cancellationToken);
        if (user.ClaimsAnotherTenantsMember)
        {
            return;
        }

        var isNew = await conversations.SaveAsync(conversation, cancellationToken);
        LogInstalled(logger, conversation.Kind, conversation.ConversationId, isNew);
        if (isNew)
        {
            await SendAsync(turnContext, await greeting.GreetAsync(user.User, conversation.Kind, cancellationToken), cancellationToken);
        }
    }

    private async Task UninstalledAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if ((await mapper.UserOfAsync(turnContext, cancellationToken)).ClaimsAnotherTenantsMember)
        {
            return;
        }

        var kind = TeamsChannelFields.KindOf(activity);
        var removed = await conversations.RemoveAsync(kind, activity.Conversation?.Id ?? string.Empty, activity.From?.AadObjectId, cancellationToken);
        LogUninstalled(logger, kind, activity.Conversation?.Id, removed);
    }

    /// <summary>The user (from the roster) and their flows (from conversation state): two store reads, made together.</summary>
    private async Task<ChatTurn> ReadTurnAsync(ITurnContext turnContext, Task<TurnUser> user, CancellationToken cancellationToken)
    {
        var flows = _flows.GetAsync(turnContext, () => new ActiveFlows(), cancellationToken);
        await Task.WhenAll(flows, user);
        var who = await user;
        // Someone claiming another tenant's roster entry gets no flow, not even one of the conversation they name.
        return TurnMapper.ToChatTurn(turnContext, who.User, who.ClaimsAnotherTenantsMember ? new ActiveFlows() : await flows);
    }

    /// <summary>
    /// Keeps the conversation reference fresh (locale, service URL) even if the install event was missed, and when
    /// the person last used BepBot. The directory reads it anyway; it writes only when something changed or once an hour.
    /// </summary>
    private async Task RememberConversationAsync(ITurnContext turnContext, Task<TurnUser> user, CancellationToken cancellationToken)
    {
        var current = TurnMapper.SavedConversationOf(turnContext, clock.GetUtcNow());
        async Task<bool> MayWrite() => !(await user).ClaimsAnotherTenantsMember;
        await conversations.RememberAsync(current, MayWrite, cancellationToken);
        if (current.Kind != ConversationKind.Personal)
        {
            await TouchPersonAsync(turnContext, user, cancellationToken);
        }
    }

    // "Last used" lives on the person's personal conversation; refreshed at most once an hour (issue 20 counts writes per click).
    private async Task TouchPersonAsync(ITurnContext turnContext, Task<TurnUser> user, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.From?.AadObjectId is { Length: > 0 } person && !(await user).ClaimsAnotherTenantsMember)
        {
            await conversations.TouchAsync(person, clock.GetUtcNow(), cancellationToken);
        }
    }

    private static bool Includes(IList<ChannelAccount>? members, ChannelAccount? bot) =>
        bot?.Id is { } botId && members?.Any(member => member?.Id == botId) == true;

    private static async Task SendAsync(ITurnContext turnContext, Reply reply, CancellationToken cancellationToken)
    {
        var (refreshFor, personalChat) = ReplyMapper.RefreshAudienceOf(turnContext);
        foreach (var message in reply.Messages)
        {
            await turnContext.SendActivityAsync(ReplyMapper.ToActivity(message, refreshFor, personalChat), cancellationToken);
        }
    }

    private async Task SaveFlowsAsync(ITurnContext turnContext, TurnUser user, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (user.ClaimsAnotherTenantsMember)
        {
            return;
        }

        await _flows.SetAsync(turnContext, turn.Flows, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    private static JsonElement ToJsonElement(object? data)
    {
        using var document = JsonDocument.Parse(data is null ? "{}" : JsonConvert.SerializeObject(data));
        return document.RootElement.Clone();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed in {Kind} conversation {ConversationId} (new: {IsNew})")]
    private static partial void LogInstalled(ILogger logger, ConversationKind kind, [PseudonymousId] string? conversationId, bool isNew);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uninstalled from {Kind} conversation {ConversationId} (reference removed: {Removed})")]
    private static partial void LogUninstalled(ILogger logger, ConversationKind kind, [PseudonymousId] string? conversationId, bool removed);
}
