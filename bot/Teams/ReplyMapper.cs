using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace BepBot.Teams;

/// <summary>Turns the SDK-free replies of the features into Bot Framework activities and invoke responses.</summary>
public static class ReplyMapper
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    private const string MessageResponseType = "application/vnd.microsoft.activity.message";

    /// <summary>The member of a file-consent card's accept and decline context that names the export.</summary>
    public const string ExportTokenField = "export";

    /// <param name="refreshFor">Who the card's automatic refresh is for (Teams user ids); see <see cref="CardRefresh"/>.</param>
    public static IActivity ToActivity(OutgoingMessage message, IReadOnlyCollection<string> refreshFor, bool personalChat)
    {
        var activity = MessageFactory.Text(message.Text ?? string.Empty);
        if (message.Card is not null)
        {
            activity.Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = ToJObject(CardRefresh.AddressTo(message.Card, refreshFor, personalChat)) }];
            // With a card, the text becomes the summary shown in notifications, not a second bubble.
            activity.Summary = message.Text;
            activity.Text = null;
        }

        if (message.Offer is { } offer)
        {
            var context = new JObject { [ExportTokenField] = offer.ExportToken };
            activity.Attachments = [new Attachment
            {
                ContentType = FileConsentCard.ContentType,
                Name = offer.FileName,
                Content = new FileConsentCard
                {
                    Description = offer.Description,
                    SizeInBytes = offer.SizeInBytes,
                    AcceptContext = context,
                    DeclineContext = context.DeepClone(),
                },
            }];
        }

        if (message.Shared is { } shared)
        {
            activity.Attachments = [new Attachment
            {
                ContentType = FileInfoCard.ContentType,
                ContentUrl = shared.ContentUrl.ToString(),
                Name = shared.Name,
                Content = new FileInfoCard { UniqueId = shared.UniqueId, FileType = shared.FileType },
            }];
        }

        if (message.Alert)
        {
            activity.ChannelData = new TeamsChannelData { Notification = new NotificationInfo { Alert = true } };
        }

        return activity;
    }

    public static AdaptiveCardInvokeResponse CardInvokeResponse(JsonObject card, IReadOnlyCollection<string> refreshFor, bool personalChat) =>
        new() { StatusCode = 200, Type = AdaptiveCardContentType, Value = ToJObject(CardRefresh.AddressTo(card, refreshFor, personalChat)) };

    /// <summary>In a turn, the card's refresh goes to the person who spoke or clicked.</summary>
    public static (IReadOnlyCollection<string> UserIds, bool PersonalChat) RefreshAudienceOf(ITurnContext turnContext) =>
        (turnContext.Activity.From?.Id is { Length: > 0 } id ? [id] : [], TeamsChannelFields.KindOf(turnContext.Activity) == ConversationKind.Personal);

    public static AdaptiveCardInvokeResponse MessageInvokeResponse(string text) =>
        new() { StatusCode = 200, Type = MessageResponseType, Value = text };

    public static Activity InvokeResponseActivity(object body) =>
        new() { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = 200, Body = body } };

    private static JObject ToJObject(JsonObject card) => JObject.Parse(card.ToJsonString());
}
