using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>Reorders or removes one agenda item as a new version of the session.</summary>
public sealed class ChangeAgenda(ConferenceAccess access, ConferenceStore store, AgendaView agenda, IStringLocalizer<ConferencesTexts> texts)
{
    /// <param name="direction">"up", "down", or null to remove.</param>
    public async Task<Reply> ApplyAsync(ChatTurn turn, string sessionId, string itemId, string? direction, CancellationToken cancellationToken)
    {
        var (session, refusal) = await access.FindAsync(turn, sessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        var item = session.Agenda.FirstOrDefault(candidate => candidate.Id == itemId);
        if (item is null || session.State == ConferenceState.Cancelled)
        {
            return access.Refuse(turn, session.Id, "Agenda_UnknownItem");
        }

        var note = direction is null ? texts["Change_AgendaRemoved", turn.User.Name, item.Title] : texts["Change_AgendaMoved", turn.User.Name, item.Title];
        var updated = await store.ChangeAsync(session.Id, current => Apply(current, itemId, direction), turn.User.Name, note, cancellationToken);
        if (updated is null)
        {
            return access.Refuse(turn, session.Id, "Agenda_UnknownItem");
        }

        return Reply.UpdatingCard(agenda.Card(updated, forStaff: true, notice: direction is null ? texts["Agenda_Removed", CardText.EscapeMarkdown(item.Title)].Value : null));
    }

    private static ConferenceSession? Apply(ConferenceSession current, string itemId, string? direction)
    {
        var items = current.Agenda.ToList();
        var index = items.FindIndex(candidate => candidate.Id == itemId);
        if (index < 0 || current.State == ConferenceState.Cancelled)
        {
            return null;
        }

        if (direction is null)
        {
            items.RemoveAt(index);
        }
        else
        {
            var target = direction == "up" ? index - 1 : index + 1;
            if (target < 0 || target >= items.Count)
            {
                return null;
            }

            (items[index], items[target]) = (items[target], items[index]);
        }

        return current with { Agenda = items };
    }
}
