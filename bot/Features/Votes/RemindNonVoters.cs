using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.remind`: staff send the reminder now, to the communes that have not voted.</summary>
public sealed class RemindNonVoters(BallotLifecycle lifecycle, TimeProvider clock, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<BallotIdData>(data).BallotId;
        var count = await lifecycle.RemindAsync(id, "vm" + id + clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), onlyCommune: null, cancellationToken);
        return Reply.WithText(texts["Remind_Sent", count]);
    }
}
