using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>Finds the session a card names and checks the viewer may see it; the refusals every handler shares.</summary>
public sealed partial class ConferenceAccess(ConferenceStore store, IStringLocalizer<ConferencesTexts> texts, ILogger<ConferenceAccess> logger)
{
    public async Task<(ConferenceSession? Session, Reply? Refusal)> FindAsync(ChatTurn turn, string sessionId, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(sessionId, cancellationToken);
        if (session is null)
        {
            LogUnknown(logger, sessionId, turn.User.AadObjectId);
            return (null, Reply.WithText(texts["Error_UnknownSession"]));
        }

        if (turn.User.Role != Role.BepStaff && !session.InScope(turn.User.Commune))
        {
            LogOutOfScope(logger, sessionId, turn.User.AadObjectId, turn.User.Commune);
            return (null, Reply.WithText(texts["Error_NotInScope", session.Bassin?.Name ?? string.Empty]));
        }

        return (session, null);
    }

    /// <summary>A button that shows one view of the session it names (tally, attendance…) in place of the clicked card.</summary>
    public async Task<Reply> ShowAsync(ChatTurn turn, JsonElement data, Func<ConferenceSession, Task<JsonObject>> render, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await FindAsync(turn, request.SessionId, cancellationToken);
        return session is null ? refusal! : Reply.UpdatingCard(await render(session));
    }

    public Reply Refuse(ChatTurn turn, string sessionId, string reasonKey, params object[] arguments)
    {
        LogRefused(logger, reasonKey, sessionId, turn.User.AadObjectId);
        return Reply.WithText(texts[reasonKey, arguments]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown conference {SessionId} named by {User}")]
    private static partial void LogUnknown(ILogger logger, [PseudonymousId] string sessionId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference {SessionId} refused to {User} of {Commune}: not in scope")]
    private static partial void LogOutOfScope(ILogger logger, string sessionId, [PseudonymousId] string user, string? commune);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference action refused ({Reason}) on {SessionId} to {User}")]
    private static partial void LogRefused(ILogger logger, string reason, string sessionId, [PseudonymousId] string user);
}
