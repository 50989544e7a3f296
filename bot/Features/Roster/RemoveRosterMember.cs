using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`roster.remove`: the confirmation click. The payload is checked against the latest roster.</summary>
public sealed class RemoveRosterMember(RosterDirectory roster, CardCatalog cards, IStringLocalizer<RosterTexts> texts, ILogger<RemoveRosterMember> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<RemoveRosterMemberData>(data);
        Member? removed = null;
        try
        {
            await roster.ChangeAsync(
                current =>
                {
                    removed = current.Find(request.AadObjectId) ?? throw new RosterChangeRejectedException(texts["RosterRemove_AlreadyGone"]);
                    if (removed.Role == Role.BepStaff && current.Members.Count(member => member.Role == Role.BepStaff) == 1)
                    {
                        throw new RosterChangeRejectedException(texts["RosterRemove_LastStaff"]);
                    }

                    return [.. current.Members.Where(member => member != removed)];
                },
                turn.User.Name,
                cancellationToken);
        }
        catch (RosterChangeRejectedException ex)
        {
            return Reply.WithText(ex.Message);
        }

        RosterLog.MemberRemoved(logger, removed!.AadObjectId, turn.User.AadObjectId);
        // The confirmation card is replaced in place, so its button cannot be clicked twice.
        return Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["RosterRemove_DoneTitle"].Value,
            Message = texts["RosterRemove_Done", CardText.EscapeMarkdown(removed.Name)].Value,
            Details = Array.Empty<object>(),
        }));
    }
}
