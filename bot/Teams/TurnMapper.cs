using BepBot.Chat;
using BepBot.Chat.Flows;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BepBot.Teams;

/// <summary>Reads a Bot Framework activity into the SDK-free <see cref="ChatTurn"/> the features work with.</summary>
public sealed class TurnMapper(IMemberDirectory roster)
{
    public async Task<ChatUser> UserOfAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var aadObjectId = from?.AadObjectId ?? string.Empty;
        var member = aadObjectId.Length == 0 ? null : await roster.FindAsync(aadObjectId, cancellationToken);
        return new ChatUser(aadObjectId, member?.Name ?? from?.Name ?? string.Empty, member?.Role ?? Role.Guest, member);
    }

    public static ChatTurn ToChatTurn(ITurnContext turnContext, ChatUser user, ActiveFlows flows)
    {
        var activity = turnContext.Activity;
        var text = activity.Type == ActivityTypes.Message ? TextWithoutMention(activity) : string.Empty;
        return new ChatTurn(
            user,
            ConversationOf(turnContext),
            Infrastructure.Text.Cultures.FromLocale(activity.Locale),
            text,
            flows,
            activity.Type == ActivityTypes.Message ? AttachmentsOf(activity) : []);
    }

    // A Teams file upload arrives as an attachment whose content carries downloadUrl, uniqueId and fileType.
    private static List<ChatAttachment> AttachmentsOf(Activity activity) =>
        [.. (activity.Attachments ?? []).Where(attachment => attachment?.ContentType is not null).Select(attachment =>
        {
            var content = attachment.Content as Newtonsoft.Json.Linq.JObject;
            var url = (string?)content?["downloadUrl"] ?? attachment.ContentUrl;
            return new ChatAttachment(
                attachment.Name,
                attachment.ContentType,
                Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
                (string?)content?["fileType"]);
        })];

    public static ChatConversation ConversationOf(ITurnContext turnContext) =>
        new(turnContext.Activity.Conversation?.Id ?? string.Empty, KindOf(turnContext.Activity), TenantAllowListMiddleware.TenantOf(turnContext));

    public static ConversationKind KindOf(IActivity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };

    public static SavedConversation SavedConversationOf(ITurnContext turnContext, DateTimeOffset now)
    {
        var activity = turnContext.Activity;
        var reference = activity.GetConversationReference();
        var kind = KindOf(activity);
        string? teamId = null;
        string? title = null;
        if (kind == ConversationKind.Channel && activity.ChannelData is not null)
        {
            var channelData = activity.GetChannelData<Microsoft.Bot.Schema.Teams.TeamsChannelData>();
            teamId = channelData?.Team?.Id;
            title = string.Join(" › ", new[] { channelData?.Team?.Name, channelData?.Channel?.Name }.Where(name => !string.IsNullOrWhiteSpace(name)));
        }

        return new SavedConversation(
            reference.Conversation.Id,
            kind,
            TenantAllowListMiddleware.TenantOf(turnContext),
            reference.ServiceUrl,
            reference.ChannelId,
            reference.Bot?.Id ?? string.Empty,
            reference.Bot?.Name,
            kind == ConversationKind.Personal ? reference.User?.Id : null,
            kind == ConversationKind.Personal ? reference.User?.AadObjectId : null,
            teamId,
            activity.Locale ?? "fr-BE",
            now,
            string.IsNullOrEmpty(title) ? activity.Conversation?.Name : title);
    }

    public static ConversationReference ReferenceOf(SavedConversation conversation) => new()
    {
        ChannelId = conversation.ChannelId,
        ServiceUrl = conversation.ServiceUrl,
        Locale = conversation.Locale,
        Bot = new ChannelAccount(conversation.BotId, conversation.BotName),
        User = conversation.UserId is null ? null : new ChannelAccount(conversation.UserId) { AadObjectId = conversation.UserAadObjectId },
        Conversation = new ConversationAccount
        {
            Id = conversation.ConversationId,
            TenantId = conversation.TenantId,
            ConversationType = conversation.Kind switch
            {
                ConversationKind.Channel => "channel",
                ConversationKind.GroupChat => "groupChat",
                _ => "personal",
            },
        },
    };

    private static string TextWithoutMention(Activity activity)
    {
        // In channels and group chats Teams puts "<at>BepBot</at>" in the text.
        var text = activity.Text ?? string.Empty;
        foreach (var mention in activity.GetMentions() ?? [])
        {
            if (mention.Mentioned?.Id == activity.Recipient?.Id && mention.Text is not null)
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }
}
