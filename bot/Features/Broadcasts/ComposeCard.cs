using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

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
