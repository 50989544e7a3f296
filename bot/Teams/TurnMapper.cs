using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace BepBot.Teams;

/// <summary>Reads a Bot Framework activity into the SDK-free <see cref="ChatTurn"/> the features work with.</summary>
public sealed partial class TurnMapper(IMemberDirectory roster, BindAtFirstContact binding, ILogger<TurnMapper> logger)
{
    /// <summary>The person of the activity: their roster entry in their tenant (bound now if registered by e-mail), else a guest.</summary>
    public async Task<TurnUser> UserOfAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var from = activity.From;
        var aadObjectId = from?.AadObjectId ?? string.Empty;
        if (aadObjectId.Length == 0)
        {
            return new(Guest(string.Empty, from), ClaimsAnotherTenantsMember: false);
        }

        var tenantId = TeamsChannelFields.TenantOf(activity);
        if (await roster.FindPersonAsync(tenantId, aadObjectId, cancellationToken) is { } member)
        {
            return new(new ChatUser(aadObjectId, member.Name, member.Role, member), ClaimsAnotherTenantsMember: false);
        }

        if (await roster.FindAsync(aadObjectId, cancellationToken) is null)
        {
            return await binding.BindAsync(turnContext, tenantId, aadObjectId, cancellationToken) is { } bound
                ? new(new ChatUser(bound.AadObjectId, bound.Name, bound.Role, bound), ClaimsAnotherTenantsMember: false)
                : new(Guest(aadObjectId, from), ClaimsAnotherTenantsMember: false);
        }

        // The id is that of someone the roster places in another tenant: the guest keeps no id that features key data by.
        LogForeignClaim(logger, TenantIdForLog.Of(tenantId), activity.Type);
        return new(Guest(string.Empty, from), ClaimsAnotherTenantsMember: true);
    }

    private static ChatUser Guest(string aadObjectId, ChannelAccount? from) => new(aadObjectId, from?.Name ?? string.Empty, Role.Guest, null);

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
            activity.Type == ActivityTypes.Message ? AttachmentsOf(activity) : [],
            activity.Type == ActivityTypes.Invoke && !string.IsNullOrEmpty(activity.ReplyToId) ? activity.ReplyToId : null)
        {
            LateAnswer = turnContext.TurnState.TryGetValue(DuplicateActivityMiddleware.LateAnswerKey, out var late) && late is LateAnswer mode ? mode : LateAnswer.Never,
            // Outside a turn admitted at the endpoint (a click run again after its instance died) nothing was spent waiting.
            Spent = TurnAdmission.SinceArrival ?? TimeSpan.Zero,
        };
    }

    /// <summary>
    /// The answer to a file-consent card: the export token the bot put in its context (or whatever a forger put there)
    /// and, on accept, the OneDrive upload session Teams opened.
    /// </summary>
    public static FileConsentAnswer ToFileConsentAnswer(FileConsentCardResponse response, bool accepted)
    {
        var context = response.Context is JToken token ? token : response.Context is null ? null : JToken.FromObject(response.Context);
        var exportToken = context is JObject fields && fields[ReplyMapper.ExportTokenField] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        var info = response.UploadInfo;
        var upload = accepted
            && Uri.TryCreate(info?.UploadUrl, UriKind.Absolute, out var uploadUrl)
            && Uri.TryCreate(info?.ContentUrl, UriKind.Absolute, out var contentUrl)
            ? new ConsentedUpload(info!.Name ?? string.Empty, uploadUrl, contentUrl, info.UniqueId ?? string.Empty, info.FileType ?? string.Empty)
            : null;
        return new FileConsentAnswer(accepted, exportToken, upload);
    }

    // A Teams file upload arrives as an attachment whose content carries downloadUrl, uniqueId and fileType.
    private static List<ChatAttachment> AttachmentsOf(Activity activity) =>
        [.. (activity.Attachments ?? []).Where(attachment => attachment?.ContentType is not null).Select(attachment =>
        {
            var content = attachment.Content as JObject;
            var url = (string?)content?["downloadUrl"] ?? attachment.ContentUrl;
            return new ChatAttachment(
                attachment.Name,
                attachment.ContentType,
                Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
                (string?)content?["fileType"]);
        })];

    public static ChatConversation ConversationOf(ITurnContext turnContext) =>
        new(turnContext.Activity.Conversation?.Id ?? string.Empty, TeamsChannelFields.KindOf(turnContext.Activity), TeamsChannelFields.TenantOf(turnContext.Activity));

    public static SavedConversation SavedConversationOf(ITurnContext turnContext, DateTimeOffset now)
    {
        var activity = turnContext.Activity;
        var reference = activity.GetConversationReference();
        var kind = TeamsChannelFields.KindOf(activity);
        string? teamId = null;
        string? title = null;
        if (kind == ConversationKind.Channel)
        {
            var channel = TeamsChannelFields.Of(activity);
            teamId = channel.TeamId;
            title = string.Join(" › ", new[] { channel.TeamName, channel.ChannelName }.Where(name => name is not null));
        }

        return new SavedConversation(
            reference.Conversation.Id,
            kind,
            TeamsChannelFields.TenantOf(activity),
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ActivityType} activity from tenant {TenantId} carries the object id of a roster entry of another tenant: answered as a guest, nothing remembered")]
    private static partial void LogForeignClaim(ILogger logger, string tenantId, string activityType);

    private static string TextWithoutMention(Activity activity)
    {
        // In channels and group chats Teams puts "<at>BepBot</at>" in the text. The mention entities are read field by
        // field, like the channel data: one malformed entity must not fail the turn.
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is { Type: var type, Properties: var properties }
                && string.Equals(type, "mention", StringComparison.OrdinalIgnoreCase)
                && properties?["mentioned"] is JObject mentioned
                && mentioned["id"] is JValue { Value: string id }
                && id == activity.Recipient?.Id
                && properties["text"] is JValue { Value: string { Length: > 0 } mention })
            {
                text = text.Replace(mention, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }
}
