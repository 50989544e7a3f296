using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>What the compose card submits (its inputs merged into the button's data by Teams).</summary>
public sealed record ComposeData(
    string? DraftId = null,
    string? Title = null,
    string? Message = null,
    string? Audience = null,
    string? Bassin = null,
    string? Commune = null,
    string? Channel = null,
    string? SendDate = null,
    string? SendTime = null);

public sealed record DraftData(string DraftId);

/// <summary>The compose card, blank or filled from a draft, with an error line when the last submit was refused.</summary>
public sealed class ComposeCard(CardCatalog cards, ConversationDirectory conversations, IStringLocalizer<BroadcastsTexts> texts)
{
    public const string AllBourgmestres = "bourgmestres";
    public const string BassinBourgmestres = "bourgmestres-bassin";
    public const string AllOfficers = "officers";
    public const string CommuneOfficers = "officers-commune";
    public const string Everyone = "everyone";
    public const string Channel = "channel";

    public static IReadOnlyDictionary<string, AudienceKind> AudienceIds { get; } = new Dictionary<string, AudienceKind>
    {
        [AllBourgmestres] = AudienceKind.AllBourgmestres,
        [BassinBourgmestres] = AudienceKind.BassinBourgmestres,
        [AllOfficers] = AudienceKind.AllOfficers,
        [CommuneOfficers] = AudienceKind.CommuneOfficers,
        [Everyone] = AudienceKind.Everyone,
        [Channel] = AudienceKind.Channel,
    };

    public static string IdOf(AudienceKind kind) => AudienceIds.First(pair => pair.Value == kind).Key;

    public async Task<JsonObject> BuildAsync(ComposeData values, string? error, CancellationToken cancellationToken)
    {
        var channels = new List<object>();
        await foreach (var channel in conversations.ListSharedAsync(cancellationToken))
        {
            if (channel.Value.Kind == ConversationKind.Channel)
            {
                channels.Add(new { Title = CardText.EscapeMarkdown(channel.Value.Title ?? channel.Value.ConversationId), Value = channel.Value.ConversationId });
            }
        }

        return cards.Render("broadcasts/compose", new
        {
            Title = texts["Broadcast_ComposeTitle"].Value,
            Intro = texts["Broadcast_ComposeIntro"].Value,
            Error = CardText.EscapeMarkdown(error ?? string.Empty),
            DraftId = values.DraftId ?? string.Empty,
            Values = new
            {
                Title = values.Title ?? string.Empty,
                Message = values.Message ?? string.Empty,
                Audience = values.Audience ?? string.Empty,
                Bassin = values.Bassin ?? string.Empty,
                Commune = values.Commune ?? string.Empty,
                Channel = values.Channel ?? string.Empty,
                SendDate = values.SendDate ?? string.Empty,
                SendTime = values.SendTime ?? string.Empty,
            },
            Labels = new
            {
                Title = texts["Broadcast_LabelTitle"].Value,
                TitleError = texts["Broadcast_ErrorTitle"].Value,
                Message = texts["Broadcast_LabelMessage"].Value,
                MessageError = texts["Broadcast_ErrorMessage"].Value,
                Audience = texts["Broadcast_LabelAudience"].Value,
                AudienceError = texts["Broadcast_ErrorAudience"].Value,
                Bassin = texts["Broadcast_LabelBassin"].Value,
                Commune = texts["Broadcast_LabelCommune"].Value,
                Channel = texts["Broadcast_LabelChannel"].Value,
                SendDate = texts["Broadcast_LabelSendDate"].Value,
                SendTime = texts["Broadcast_LabelSendTime"].Value,
                Preview = texts["Broadcast_PreviewButton"].Value,
            },
            Audiences = AudienceIds.Keys.Select(id => new { Title = texts["Broadcast_Audience_" + id].Value, Value = id }).ToList(),
            Bassins = TerritoryMap.Bassins.Select(bassin => new { Title = bassin.ShortName, Value = bassin.Id }).ToList(),
            Communes = TerritoryMap.Communes
                .OrderBy(commune => commune.Name, StringComparer.Create(BelgianTime.French, ignoreCase: true))
                .Select(commune => new { Title = commune.Name, Value = commune.Name })
                .ToList(),
            Channels = channels,
        });
    }
}

/// <summary>`diffuser`: opens the compose card.</summary>
public sealed class StartBroadcast(ComposeCard compose, IStringLocalizer<BroadcastsTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Reply.WithCard(await compose.BuildAsync(new ComposeData(), error: null, cancellationToken), texts["Broadcast_ComposeTitle"]);
}

/// <summary>
/// `broadcasts.preview`: checks the form, saves it as a draft, turns the compose card into the confirmation card
/// and shows the announcement below exactly as recipients will see it.
/// </summary>
public sealed class PreviewBroadcast(
    ComposeCard compose,
    BroadcastCards broadcastCards,
    DeliveryCards deliveryCards,
    BroadcastStore broadcasts,
    AudienceResolver audiences,
    ConversationDirectory conversations,
    TimeProvider clock,
    IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public const int MaxTitleLength = 120;
    public const int MaxMessageLength = 4000;

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var form = CardData.Read<ComposeData>(data);
        var (audience, scheduledFor, error) = Validate(form);
        if (error is not null)
        {
            return Reply.UpdatingCard(await compose.BuildAsync(form, error, cancellationToken));
        }

        var recipients = await audiences.ResolveAsync(audience!, cancellationToken);
        if (recipients.Count == 0)
        {
            return Reply.UpdatingCard(await compose.BuildAsync(form, texts["Broadcast_ErrorNobody"], cancellationToken));
        }

        var existing = form.DraftId is { Length: > 0 } draftId ? await broadcasts.GetAsync(draftId, cancellationToken) : null;
        var draft = new Broadcast(
            existing?.Value.State == BroadcastState.Draft && existing.Value.AuthorAadObjectId == turn.User.AadObjectId ? existing.Value.Id : BroadcastStore.NewId(),
            form.Title!.Trim(),
            form.Message!.Trim(),
            audience!,
            turn.User.AadObjectId,
            turn.User.Name,
            clock.GetUtcNow(),
            scheduledFor,
            BroadcastState.Draft,
            await AuthorConversationAsync(turn, cancellationToken));
        if (existing?.Value.Id == draft.Id)
        {
            await broadcasts.ChangeAsync(draft.Id, current => current.State == BroadcastState.Draft ? draft : null, cancellationToken);
        }
        else
        {
            await broadcasts.CreateAsync(draft, cancellationToken);
        }

        var unreachable = recipients.Where(recipient => recipient.Conversation is null).Select(recipient => recipient.Name).ToList();
        var controls = broadcastCards.Preview(draft, recipients.Count, unreachable, turn.Culture);
        var preview = deliveryCards.Announcement(draft, turn.Culture);
        return new Reply([new OutgoingMessage(texts["Broadcast_PreviewSummary"], preview)], controls);
    }

    private (Audience? Audience, DateTimeOffset? ScheduledFor, string? Error) Validate(ComposeData form)
    {
        var title = form.Title?.Trim() ?? string.Empty;
        var message = form.Message?.Trim() ?? string.Empty;
        if (title.Length is 0 or > MaxTitleLength)
        {
            return (null, null, texts["Broadcast_ErrorTitle"]);
        }

        if (message.Length is 0 or > MaxMessageLength)
        {
            return (null, null, texts["Broadcast_ErrorMessage"]);
        }

        if (form.Audience is null || !ComposeCard.AudienceIds.TryGetValue(form.Audience, out var kind))
        {
            return (null, null, texts["Broadcast_ErrorAudience"]);
        }

        Audience audience;
        switch (kind)
        {
            case AudienceKind.BassinBourgmestres:
                var bassin = TerritoryMap.FindBassin(form.Bassin);
                if (bassin is null)
                {
                    return (null, null, texts["Broadcast_ErrorBassin"]);
                }

                audience = new Audience(kind, Bassin: bassin.Id);
                break;
            case AudienceKind.CommuneOfficers:
                var commune = TerritoryMap.FindCommune(form.Commune);
                if (commune is null)
                {
                    return (null, null, texts["Broadcast_ErrorCommune"]);
                }

                audience = new Audience(kind, Commune: commune.Name);
                break;
            case AudienceKind.Channel:
                if (string.IsNullOrWhiteSpace(form.Channel))
                {
                    return (null, null, texts["Broadcast_ErrorChannel"]);
                }

                audience = new Audience(kind, ChannelConversationId: form.Channel);
                break;
            default:
                audience = new Audience(kind);
                break;
        }

        var hasDate = !string.IsNullOrWhiteSpace(form.SendDate);
        var hasTime = !string.IsNullOrWhiteSpace(form.SendTime);
        if (!hasDate && !hasTime)
        {
            return (audience, null, null);
        }

        if (!hasDate || !hasTime
            || !DateOnly.TryParseExact(form.SendDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(form.SendTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (null, null, texts["Broadcast_ErrorSendTime"]);
        }

        var local = date.ToDateTime(time);
        var sendAt = new DateTimeOffset(local, BelgianTime.Zone.GetUtcOffset(local));
        var now = clock.GetUtcNow();
        if (sendAt <= now.AddMinutes(1) || sendAt > now.AddDays(180))
        {
            return (null, null, texts["Broadcast_ErrorSendTimeRange"]);
        }

        return (audience, sendAt, null);
    }

    private async Task<SavedConversation?> AuthorConversationAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        turn.Conversation.Kind == ConversationKind.Personal
            ? await conversations.FindPersonalAsync(turn.User.AadObjectId, cancellationToken)
            : await conversations.FindSharedAsync(turn.Conversation.Id, cancellationToken);
}

/// <summary>`broadcasts.edit`: back to the compose card, filled with the draft.</summary>
public sealed class EditBroadcast(ComposeCard compose, BroadcastStore broadcasts, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var draft = (await broadcasts.GetAsync(CardData.Read<DraftData>(data).DraftId, cancellationToken))?.Value;
        if (draft is null || draft.State != BroadcastState.Draft || draft.AuthorAadObjectId != turn.User.AadObjectId)
        {
            return Reply.WithText(texts["Broadcast_DraftGone"]);
        }

        var local = draft.ScheduledFor is { } at ? BelgianTime.ToBrussels(at) : (DateTimeOffset?)null;
        return Reply.UpdatingCard(await compose.BuildAsync(
            new ComposeData(
                draft.Id,
                draft.Title,
                draft.Message,
                ComposeCard.IdOf(draft.Audience.Kind),
                draft.Audience.Bassin,
                draft.Audience.Commune,
                draft.Audience.ChannelConversationId,
                local?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                local?.ToString("HH:mm", CultureInfo.InvariantCulture)),
            error: null,
            cancellationToken));
    }
}

/// <summary>`broadcasts.discard`: the draft is dropped; nothing was sent.</summary>
public sealed class DiscardBroadcast(BroadcastStore broadcasts, BroadcastCards broadcastCards, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<DraftData>(data).DraftId;
        var changed = await broadcasts.ChangeAsync(
            id,
            current => current.State == BroadcastState.Draft && current.AuthorAadObjectId == turn.User.AadObjectId ? current with { State = BroadcastState.Cancelled } : null,
            cancellationToken);
        return changed?.State == BroadcastState.Cancelled
            ? Reply.UpdatingCard(broadcastCards.Confirmation(texts["Broadcast_DiscardedTitle"], texts["Broadcast_Discarded"]))
            : Reply.WithText(texts["Broadcast_DraftGone"]);
    }
}
