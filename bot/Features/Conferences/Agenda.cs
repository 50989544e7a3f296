using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record AgendaItemRef(string SessionId, string Item);

public sealed record AgendaMoveData(string SessionId, string Item, string Direction);

/// <summary>`conferences.agenda`: the agenda with its times; staff get the buttons to change and publish it.</summary>
public sealed class ShowAgenda(ConferenceAccess access, AgendaView agenda) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (turn.User.Role != Role.BepStaff && session.AgendaPublications == 0)
        {
            return access.Refuse(turn, session.Id, "Agenda_NotYetPublished");
        }

        return Reply.WithCard(agenda.Card(session, forStaff: turn.User.Role == Role.BepStaff), session.Title);
    }
}

/// <summary>Flows that work on one session keep its id in their values, set when they start.</summary>
public static class SessionFlows
{
    public const string SessionValue = "session";

    public static async Task<Reply> StartAsync(FlowRunner flows, ChatTurn turn, string flowId, string sessionId, CancellationToken cancellationToken)
    {
        var reply = await flows.StartAsync(turn, flowId, cancellationToken);
        turn.Flows.Current?.Values[SessionValue] = sessionId;
        return reply;
    }

    public static bool IsSkip(string input) => TextFolding.Fold(input) is "-" or "aucun" or "aucune" or "non" or "none" or "no" or "rien";
}

/// <summary>`conferences.addItem`: staff add one item (title, presenter, duration, links, an optional vote).</summary>
public sealed class AddAgendaItemFlow(ConferenceStore store, AgendaView agenda, IStringLocalizer<ConferencesTexts> texts) : Flow
{
    public const string FlowId = "conferences.agenda";

    public override string Id => FlowId;

    public override IReadOnlySet<Role> AllowedRoles => Roles.Staff;

    public override string Title(ChatTurn turn) => texts["AgendaAdd_Title"];

    public override IReadOnlyList<FlowStep> Steps =>
    [
        new("title", (_, _) => new FlowPrompt(texts["AgendaAdd_AskTitle"], Placeholder: texts["AgendaAdd_TitlePlaceholder"]), (_, _, input) =>
            Task.FromResult(input.Length is >= 2 and <= 200 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadTitle"]))),
        new("presenter", (_, _) => new FlowPrompt(texts["AgendaAdd_AskPresenter"], texts["AgendaAdd_SkipHint"]), (_, _, input) =>
            Task.FromResult(SessionFlows.IsSkip(input) ? FlowAnswer.Accept(string.Empty) : input.Length <= 100 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadPresenter"]))),
        new("minutes", (_, _) => new FlowPrompt(texts["AgendaAdd_AskMinutes"], Placeholder: "30"), (_, _, input) =>
            Task.FromResult(DateInput.ParseMinutes(input) is { } minutes and >= 5 and <= 240 ? FlowAnswer.Accept(minutes.ToString(CultureInfo.InvariantCulture)) : FlowAnswer.Reject(texts["AgendaAdd_BadMinutes"]))),
        new("links", (_, _) => new FlowPrompt(texts["AgendaAdd_AskLinks"], texts["AgendaAdd_LinksHint"]), AcceptLinks),
        new("vote", (_, _) => new FlowPrompt(texts["AgendaAdd_AskVote"], texts["AgendaAdd_SkipHint"]), (_, _, input) =>
            Task.FromResult(SessionFlows.IsSkip(input) ? FlowAnswer.Accept(string.Empty) : input.Length <= 300 ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadVote"]))),
    ];

    public override async Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken)
    {
        var item = new AgendaItem(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            values.Required("title"),
            NullIfEmpty(values["presenter"]),
            int.Parse(values.Required("minutes"), CultureInfo.InvariantCulture),
            ParseLinks(values["links"] ?? string.Empty) ?? [],
            NullIfEmpty(values["vote"]));
        var updated = await store.ChangeAsync(
            values.Required(SessionFlows.SessionValue),
            current => current.State == ConferenceState.Cancelled ? null : current with { Agenda = [.. current.Agenda, item] },
            turn.User.Name,
            texts["Change_AgendaAdded", turn.User.Name, item.Title],
            cancellationToken);
        return updated is null
            ? Reply.WithText(texts["Error_SessionClosed"])
            : Reply.WithCard(agenda.Card(updated, forStaff: true, notice: texts["AgendaAdd_Done", CardText.EscapeMarkdown(item.Title)]), texts["AgendaAdd_Done", item.Title]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private Task<FlowAnswer> AcceptLinks(ChatTurn turn, FlowValues values, string input)
    {
        if (SessionFlows.IsSkip(input))
        {
            return Task.FromResult(FlowAnswer.Accept(string.Empty));
        }

        return Task.FromResult(ParseLinks(input) is { Count: > 0 and <= 10 } ? FlowAnswer.Accept(input) : FlowAnswer.Reject(texts["AgendaAdd_BadLinks"]));
    }

    /// <summary>"Titre | https://…" entries separated by ';' or new lines; a bare address is its own title. Null if any is invalid.</summary>
    public static List<AgendaLink>? ParseLinks(string input)
    {
        var links = new List<AgendaLink>();
        foreach (var entry in input.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('|', 2, StringSplitOptions.TrimEntries);
            var address = parts[^1];
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || address.Contains(')', StringComparison.Ordinal))
            {
                return null;
            }

            links.Add(new AgendaLink(parts.Length == 2 && parts[0].Length > 0 ? parts[0] : uri.Host, uri.ToString()));
        }

        return links;
    }
}

public sealed class StartAddAgendaItem(ConferenceAccess access, FlowRunner flows) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        return session.State == ConferenceState.Cancelled
            ? access.Refuse(turn, session.Id, "Error_SessionClosed")
            : await SessionFlows.StartAsync(flows, turn, AddAgendaItemFlow.FlowId, session.Id, cancellationToken);
    }
}

/// <summary>`conferences.moveItem`: staff move an item up or down.</summary>
public sealed class MoveAgendaItem(ChangeAgenda change) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var move = CardData.Read<AgendaMoveData>(data);
        if (move.Direction is not ("up" or "down"))
        {
            throw new InvalidCardDataException($"Unknown direction '{move.Direction}'.");
        }

        return change.ApplyAsync(turn, move.SessionId, move.Item, move.Direction, cancellationToken);
    }
}

/// <summary>`conferences.removeItem`: staff remove an item.</summary>
public sealed class RemoveAgendaItem(ChangeAgenda change) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var remove = CardData.Read<AgendaItemRef>(data);
        return change.ApplyAsync(turn, remove.SessionId, remove.Item, null, cancellationToken);
    }
}

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
        var notice = number == 1
            ? texts["Agenda_PublishedNotice", await lifecycle.BourgmestresInScopeAsync(updated, cancellationToken)]
            : texts["Agenda_ChangesPublishedNotice", await lifecycle.BourgmestresInScopeAsync(updated, cancellationToken)];
        return Reply.UpdatingCard(agenda.Card(updated, forStaff: true, notice: notice));
    }
}
