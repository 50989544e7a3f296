using BepBot.Chat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace BepBot.Teams;

/// <summary>Posts into a saved conversation through the Bot Connector (ContinueConversation), outside any user turn.</summary>
public sealed class TeamsProactiveMessenger(CloudAdapter adapter, IConfiguration configuration) : IProactiveMessenger
{
    public async Task<string?> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        string? activityId = null;
        await adapter.ContinueConversationAsync(
            configuration["MicrosoftAppId"] ?? string.Empty,
            TurnMapper.ReferenceOf(conversation),
            async (turnContext, token) =>
            {
                var response = await turnContext.SendActivityAsync(ReplyMapper.ToActivity(message), token);
                activityId = response?.Id;
            },
            cancellationToken);
        return activityId;
    }
}
