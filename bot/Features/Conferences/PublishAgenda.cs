using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>
/// `conferences.publishAgenda`: the first time, the agenda goes to the bourgmestres in scope; afterwards only what
/// changed since the last publication. Each publication is kept (conferences/agendas/{id}/{n}) as the next diff's base.
/// </summary>
public sealed class PublishAgenda(
    ConferenceAccess access,
    ConferenceStore store,
    ConferenceAnnouncer announcer,
    ConferenceLifecycle lifecycle,
    AgendaView agenda,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State != ConferenceState.Scheduled || session.StartsAt is null)
        {
            return access.Refuse(turn, session.Id, session.State == ConferenceState.Cancelled ? "Error_SessionClosed" : "Agenda_NeedsDate");
        }

        if (session.Agenda.Count == 0)
        {
            return access.Refuse(turn, session.Id, "Agenda_NothingToPublish");
        }

        var number = session.AgendaPublications + 1;
        var publication = new AgendaPublication(session.Id, number, session.StartsAt.Value, session.Agenda, clock.GetUtcNow(), turn.User.Name);
        if (await store.PublicationAsync(session.Id, number - 1, cancellationToken) is { } previous && agenda.Diff(previous, publication).Count == 0)
        {
            return access.Refuse(turn, session.Id, "Agenda_Unchanged");
        }

        var updated = await store.ChangeAsync(
            session.Id,
            current => current.AgendaPublications == number - 1 && current.State == ConferenceState.Scheduled ? current with { AgendaPublications = number } : null,
            turn.User.Name,
            texts["Change_AgendaPublished", turn.User.Name, number],
            cancellationToken);
        if (updated is null)
        {
            return access.Refuse(turn, session.Id, "Agenda_PublishedMeanwhile");
        }

        // The snapshot is what was shown to staff when they clicked, with the agenda as it stands in the update.
        await store.SavePublicationAsync(publication with { Items = updated.Agenda, StartsAt = updated.StartsAt!.Value }, cancellationToken);
        await announcer.ToBourgmestresAsync(updated, ConferenceAnnouncer.AgendaKind, $"{updated.Id}:{number}", "agenda" + ConferenceAnnouncer.Number(number), texts["Broadcast_Agenda", updated.Title], turn.User, cancellationToken);
        await lifecycle.UpdateCardsAsync(updated, turn.User, cancellationToken);
        var notice = number == 1
            ? texts["Agenda_PublishedNotice", await lifecycle.BourgmestresInScopeAsync(updated, cancellationToken)]
            : texts["Agenda_ChangesPublishedNotice", await lifecycle.BourgmestresInScopeAsync(updated, cancellationToken)];
        return Reply.UpdatingCard(agenda.Card(updated, forStaff: true, notice: notice));
    }
}
