using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace BepBot.Tests.Harness;

public enum ConversationType
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>What the bot answered to one activity (expectReplies), with helpers to read its cards.</summary>
public sealed record BotResponse(HttpStatusCode Status, IReadOnlyList<JsonObject> Activities, string RawBody)
{
    public IEnumerable<JsonObject> Messages => Activities.Where(activity => (string?)activity["type"] == "message");

    public IEnumerable<string> Texts => Messages.Select(message => (string?)message["text"]).OfType<string>().Where(text => text.Length > 0);

    public IEnumerable<JsonObject> Cards => Messages
        .SelectMany(message => message["attachments"]?.AsArray() ?? [])
        .Where(attachment => (string?)attachment!["contentType"] == "application/vnd.microsoft.card.adaptive")
        .Select(attachment => attachment!["content"]!.AsObject());

    public JsonObject Card => Cards.Single();

    /// <summary>Teams' file-consent cards (a file offered for the person's OneDrive): attachments with name and content.</summary>
    public IEnumerable<JsonObject> FileOffers => Attachments("application/vnd.microsoft.teams.card.file.consent");

    /// <summary>Teams' file cards (a file put into the person's OneDrive).</summary>
    public IEnumerable<JsonObject> FileCards => Attachments("application/vnd.microsoft.teams.card.file.info");

    private IEnumerable<JsonObject> Attachments(string contentType) => Messages
        .SelectMany(message => message["attachments"]?.AsArray() ?? [])
        .OfType<JsonObject>()
        .Where(attachment => (string?)attachment["contentType"] == contentType);

    /// <summary>The adaptiveCard/action invoke response body (card update or message).</summary>
    public JsonObject? InvokeResponse => Activities
        .Where(activity => (string?)activity["type"] == "invokeResponse")
        // The SDK serialises InvokeResponse without JSON names (Status, Body) inside expectReplies.
        .Select(activity => (activity["value"]?["body"] ?? activity["value"]?["Body"])?.AsObject())
        .SingleOrDefault();

    /// <summary>The card that replaces the clicked one (an Action.Execute answered with a card).</summary>
    public JsonObject? UpdatedCard => InvokeResponse?["value"] as JsonObject;

    /// <summary>Every text the user sees: message texts, card texts, and an invoke's message or card response.</summary>
    public string AllText => string.Join("\n", Texts
        .Concat(Cards.Select(CardReader.AllText))
        .Concat(InvokeResponse?["value"] is JsonValue value ? [(string)value!] : [])
        .Concat(UpdatedCard is { } updated ? [CardReader.AllText(updated)] : []));
}

/// <summary>
/// Talks to the bot as Teams does: activities with from.aadObjectId, tenant, conversation type and locale,
/// delivered with expectReplies so the replies come back in the HTTP response; clicks card buttons by title.
/// </summary>
public sealed class TeamsClient(HttpClient http, string serviceUrl) : IDisposable
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "28:bepbot";

    public string Locale { get; set; } = "fr-BE";

    public string TenantId { get; set; } = Tenant;

    public bool ExpectReplies { get; set; } = true;

    public HttpClient Http => http;

    public const string DefaultGroupChatId = "19:group-chat-bep@thread.v2";
    public const string DefaultChannelId = "19:channel-general@thread.tacv2";
    public const string DefaultTeamId = "19:team-bep@thread.tacv2";

    /// <summary>The group chat this client talks in (<see cref="RealTeamsIds"/> gives ids shaped like the real ones).</summary>
    public string GroupChatId { get; set; } = DefaultGroupChatId;

    /// <summary>The team channel this client talks in.</summary>
    public string ChannelId { get; set; } = DefaultChannelId;

    public string TeamId { get; set; } = DefaultTeamId;

    public static string ConversationIdFor(TeamsUser user, ConversationType type) => type switch
    {
        ConversationType.Personal => user.PersonalConversationId ?? $"a:personal-{user.AadObjectId}",
        ConversationType.GroupChat => DefaultGroupChatId,
        _ => DefaultChannelId,
    };

    /// <summary>The conversation this client's activities of <paramref name="type"/> carry.</summary>
    public string ConversationOf(TeamsUser user, ConversationType type) => type switch
    {
        ConversationType.Personal => ConversationIdFor(user, type),
        ConversationType.GroupChat => GroupChatId,
        _ => ChannelId,
    };

    public Task<BotResponse> SayAsync(TeamsUser user, string text, ConversationType type = ConversationType.Personal, string? activityId = null) =>
        PostAsync(Activity(user, "message", type, activityId, activity => activity["text"] = text));

    /// <summary>
    /// Clicks the Action.Execute button titled <paramref name="title"/> on <paramref name="card"/> as Teams does: the
    /// button's data merged with the current value of every input of the card (its <c>value</c>, or what
    /// <paramref name="inputs"/> types into it; an input's value wins over a data member of the same name), unless
    /// the button says <c>"associatedInputs": "none"</c>.
    /// </summary>
    public Task<BotResponse> ClickAsync(TeamsUser user, JsonObject card, string title, IDictionary<string, string>? inputs = null, ConversationType type = ConversationType.Personal)
    {
        var action = CardReader.FindAction(card, title);
        ((string?)action["type"]).ShouldBe("Action.Execute", $"the button « {title} » must be an Action.Execute");
        var data = action["data"]?.DeepClone().AsObject() ?? [];
        var typed = inputs ?? new Dictionary<string, string>();
        foreach (var id in typed.Keys)
        {
            CardReader.FindInput(card, id).ShouldNotBeNull($"the card has no input '{id}'");
        }

        if (string.Equals((string?)action["associatedInputs"], "none", StringComparison.OrdinalIgnoreCase))
        {
            typed.ShouldBeEmpty($"the button « {title} » sends no input (associatedInputs: none)");
            return InvokeAsync(user, (string)action["verb"]!, data, type);
        }

        foreach (var input in CardReader.Inputs(card))
        {
            var id = (string)input["id"]!;
            data[id] = typed.TryGetValue(id, out var value) ? value : CardReader.CurrentValue(input);
        }

        return InvokeAsync(user, (string)action["verb"]!, data, type);
    }

    /// <summary>Sends an adaptiveCard/action invoke with any verb and data (forged payloads included).</summary>
    /// <param name="cardActivityId">The message that carries the clicked card, as Teams names it in replyToId.</param>
    public Task<BotResponse> InvokeAsync(TeamsUser user, string verb, JsonNode? data, ConversationType type = ConversationType.Personal, string? activityId = null, string? cardActivityId = null) =>
        PostAsync(Activity(user, "invoke", type, activityId, activity =>
        {
            activity["name"] = "adaptiveCard/action";
            if (cardActivityId is not null)
            {
                activity["replyToId"] = cardActivityId;
            }

            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() },
                ["trigger"] = "manual",
            };
        }));

    /// <summary>
    /// What Teams does when <paramref name="user"/> looks at a card that declares a refresh: an adaptiveCard/action
    /// invoke with the card's refresh action and trigger "automatic" (whether or not the user is in its userIds).
    /// </summary>
    public Task<BotResponse> RefreshAsync(TeamsUser user, JsonObject card, ConversationType type = ConversationType.Personal, string? activityId = null)
    {
        var action = card["refresh"]?["action"]?.AsObject() ?? throw new ShouldAssertException("the card declares no refresh");
        ((string?)action["type"]).ShouldBe("Action.Execute");
        return PostAsync(Activity(user, "invoke", type, activityId, activity =>
        {
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject { ["action"] = action.DeepClone(), ["trigger"] = "automatic" };
        }));
    }

    /// <summary>
    /// What Teams sends when <paramref name="user"/> answers a file-consent card: a fileConsent/invoke carrying the
    /// card's accept or decline context and, on accept, the OneDrive upload session Teams opened.
    /// </summary>
    public Task<BotResponse> AnswerFileOfferAsync(TeamsUser user, JsonObject offer, bool accept, string? uploadUrl = null, JsonNode? context = null) =>
        PostAsync(Activity(user, "invoke", ConversationType.Personal, null, activity =>
        {
            var name = (string)offer["name"]!;
            activity["name"] = "fileConsent/invoke";
            activity["value"] = new JsonObject
            {
                ["type"] = "fileUpload",
                ["action"] = accept ? "accept" : "decline",
                ["context"] = (context ?? offer["content"]![accept ? "acceptContext" : "declineContext"])!.DeepClone(),
                ["uploadInfo"] = accept
                    ? new JsonObject
                    {
                        ["name"] = name,
                        ["uploadUrl"] = uploadUrl,
                        ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/user/Documents/Applications/BepBot/" + name,
                        ["uniqueId"] = "9C5B0F3E-2A57-4C65-8E0B-1A7F2D3C4B5A",
                        ["fileType"] = Path.GetExtension(name).TrimStart('.'),
                    }
                    : null,
            };
        }));

    /// <summary>All the text of the card the bot answers <paramref name="text"/> with.</summary>
    public async Task<string> CardTextAsync(TeamsUser user, string text) => CardReader.AllText((await SayAsync(user, text)).Card);

    /// <summary>The bot is added to a conversation (Teams sends a conversationUpdate with the bot in membersAdded).</summary>
    public Task<BotResponse> InstallAsync(TeamsUser installer, ConversationType type = ConversationType.Personal) =>
        PostAsync(Activity(installer, "conversationUpdate", type, null, activity =>
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = "BepBot" })));

    /// <summary>Each user opens BepBot in their personal chat; those in <paramref name="inEnglish"/> use Teams in English.</summary>
    public async Task InstallAsync(IEnumerable<TeamsUser> users, IEnumerable<TeamsUser>? inEnglish = null)
    {
        foreach (var user in users)
        {
            await InstallAsync(user);
        }

        var locale = Locale;
        Locale = "en-US";
        foreach (var user in inEnglish ?? [])
        {
            await InstallAsync(user);
        }

        Locale = locale;
    }

    public Task<BotResponse> InstallationUpdateAsync(TeamsUser user, string action, ConversationType type = ConversationType.Personal) =>
        PostAsync(Activity(user, "installationUpdate", type, null, activity => activity["action"] = action));

    public Task<BotResponse> UninstallAsync(TeamsUser user, ConversationType type = ConversationType.Personal) =>
        InstallationUpdateAsync(user, "remove", type);

    public JsonObject Activity(TeamsUser user, string activityType, ConversationType type, string? activityId, Action<JsonObject>? customize = null)
    {
        var conversation = new JsonObject
        {
            ["id"] = ConversationOf(user, type),
            ["conversationType"] = type switch
            {
                ConversationType.Personal => "personal",
                ConversationType.GroupChat => "groupChat",
                _ => "channel",
            },
            ["tenantId"] = TenantId,
        };
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        if (type == ConversationType.Channel)
        {
            channelData["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "BEP Supracommunalité" };
            channelData["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Général" };
        }

        var activity = new JsonObject
        {
            ["type"] = activityType,
            ["id"] = activityId ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["locale"] = Locale,
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "BepBot" },
            ["conversation"] = conversation,
            ["channelData"] = channelData,
        };
        if (ExpectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        customize?.Invoke(activity);
        return activity;
    }

    public Task<BotResponse> PostAsync(JsonNode activity) => PostRawAsync(activity.ToJsonString());

    public async Task<BotResponse> PostRawAsync(string body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var activities = new List<JsonObject>();
        if (response.IsSuccessStatusCode && raw.Length > 0 && JsonNode.Parse(raw) is JsonObject json)
        {
            activities.AddRange((json["activities"]?.AsArray() ?? []).OfType<JsonObject>());
            if (json["activities"] is null && json.ContainsKey("statusCode"))
            {
                // A plain invoke (no expectReplies) answers with the invoke response body itself.
                activities.Add(new JsonObject { ["type"] = "invokeResponse", ["value"] = new JsonObject { ["body"] = json.DeepClone() } });
            }
        }

        return new BotResponse(response.StatusCode, activities, raw);
    }

    public void Dispose() => http.Dispose();
}
