using System.Runtime.ExceptionServices;
using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Teams;

/// <summary>The CloudAdapter with BepBot's pipeline and a turn-error handler that never shows a stack trace to a user.</summary>
public sealed partial class BepBotAdapter : CloudAdapter
{
    private readonly string? _appId;
    private readonly BotFrameworkAuthentication _authentication;

    public BepBotAdapter(
        BotFrameworkAuthentication authentication,
        TurnTelemetryMiddleware turnTelemetry,
        PipelineStartedMiddleware pipelineStarted,
        LogScopeMiddleware logScope,
        TenantAllowListMiddleware tenantAllowList,
        CultureMiddleware culture,
        DuplicateActivityMiddleware duplicates,
        IOptions<BotIdentityOptions> identity,
        IStringLocalizer<ChatTexts> texts,
        ILoggerFactory loggerFactory,
        ILogger<BepBotAdapter> logger)
        // The SDK logs three Information lines per turn: under its own category, configuration can quiet them
        // without quieting ours.
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        _authentication = authentication;
        _appId = string.IsNullOrEmpty(identity.Value.MicrosoftAppId) ? null : identity.Value.MicrosoftAppId;
        Use(turnTelemetry);
        Use(pipelineStarted);
        Use(logScope);
        Use(tenantAllowList);
        Use(culture);
        Use(duplicates);
        OnTurnError = async (turnContext, exception) =>
        {
            // A refused tenant becomes a 403 at the endpoint, not an apology in a chat it may not write to.
            if (exception is TenantNotAllowedException)
            {
                ExceptionDispatchInfo.Throw(exception);
            }

            string apology;
            if (Find<InvalidDocumentKeyException>(exception) is { } invalidKey)
            {
                LogInvalidDocumentKey(logger, invalidKey, turnContext.Activity.Type, turnContext.Activity.Id, turnContext.Activity.Conversation?.Id);
                apology = texts["Error_InvalidDocumentKey"];
            }
            else
            {
                LogTurnFailed(logger, exception, turnContext.Activity.Type, turnContext.Activity.Id, turnContext.Activity.Conversation?.Id);
                apology = IsStoreUnreachable(exception) ? texts["Error_StoreUnavailable"] : texts["Error_Unexpected"];
            }

            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                await turnContext.SendActivityAsync(ReplyMapper.InvokeResponseActivity(ReplyMapper.MessageInvokeResponse(apology)));
            }
            else if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(apology));
            }
        };
    }

    /// <summary>Authenticates and runs one activity; exposes the base class's lower-level entry so the endpoint owns the HTTP statuses.</summary>
    public Task<InvokeResponse> ProcessAsync(string authHeader, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authHeader, activity, callback, cancellationToken);

    /// <summary>
    /// Runs a click kept in its claim again, as Teams would resend it, under the bot's own identity: its invoke answer
    /// goes nowhere, its reply replaces the card (<see cref="DuplicateActivityMiddleware.LateReplyKey"/>).
    /// </summary>
    public Task RunKeptAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        System.Security.Claims.Claim recovered = new(DuplicateActivityMiddleware.RecoveredClickClaim, "true");
        var identity = new System.Security.Claims.ClaimsIdentity(
            _appId is null ? [recovered] : [recovered, new(AuthenticationConstants.AudienceClaim, _appId), new(AuthenticationConstants.AppIdClaim, _appId)]);
        var authenticated = new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            ConnectorFactory = _authentication.CreateConnectorFactory(identity),
            Audience = AuthenticationConstants.ToChannelFromBotOAuthScope,
            CallerId = activity.CallerId,
        };
        return ProcessActivityAsync(authenticated, activity, callback, cancellationToken);
    }

    // The Azure SDK gives up after its own retries with a RequestFailedException (status 0 when the transport failed);
    // the local folder store says so itself. A bare HttpRequestException comes from another service (the connector,
    // Graph, a file download), and any other I/O error (a file name too long) is a bug: neither is a storage outage.
    private static bool IsStoreUnreachable(Exception exception) =>
        Find<Exception>(exception, current => current is StoreUnavailableException or Azure.RequestFailedException { Status: 0 or >= 500 }) is not null;

    private static T? Find<T>(Exception exception, Func<T, bool>? matches = null)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found && (matches?.Invoke(found) ?? true))
            {
                return found;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(inner => Find(inner, matches)).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bug: turn failed for {ActivityType} activity {ActivityId} in {ConversationId} on a document key the store cannot hold")]
    private static partial void LogInvalidDocumentKey(ILogger logger, Exception exception, string activityType, [PseudonymousId] string? activityId, [PseudonymousId] string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {ActivityType} activity {ActivityId} in {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, [PseudonymousId] string? activityId, [PseudonymousId] string? conversationId);
}
