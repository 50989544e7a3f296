using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`diffuser`: opens the compose card.</summary>
public sealed class StartBroadcast(ComposeCard compose, IStringLocalizer<BroadcastsTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Reply.WithCard(await compose.BuildAsync(new ComposeData(), error: null, cancellationToken), texts["Broadcast_ComposeTitle"]);
}
