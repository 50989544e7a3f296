using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace BepBot.Teams;

/// <summary>
/// POST /api/messages. We read and check the activity ourselves so that every failure has the right status:
/// 413 too large, 400 malformed, 401 not authenticated (the SDK turns some auth failures into 500), 403 tenant refused.
/// </summary>
public static partial class BotEndpoint
{
    public const string Route = "/api/messages";
    internal const string PipelineStartedKey = "bepbot.pipeline-started";

    private static readonly JsonSerializerSettings ActivitySettings = new()
    {
        MaxDepth = 64,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        BepBotAdapter adapter,
        IOptions<BotOptions> options,
        IOptions<StorageOptions> storage,
        TimeProvider clock,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        // Teams waits about 15 s from now for the answer: the turn's store calls are retried until this deadline, not after.
        var answerBy = clock.GetUtcNow() + storage.Value.TurnDeadlineAfter;
        using var deadline = TurnDeadline.Begin(answerBy);
        var logger = loggerFactory.CreateLogger(typeof(BotEndpoint));
        var body = await ReadBodyAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            LogRejected(logger, "body too large");
            return Results.Problem("The activity is larger than this bot accepts.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(body, ActivitySettings);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return Results.Problem("The request body is not a valid activity (malformed JSON).", statusCode: StatusCodes.Status400BadRequest);
        }

        var problem = activity is null ? "empty body" : Validate(activity);
        if (problem is not null)
        {
            LogRejected(logger, problem);
            return Results.Problem($"The activity is invalid: {problem}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var bot = http.RequestServices.GetRequiredService<BepBotActivityHandler>();
        using var place = await http.RequestServices.GetRequiredService<TurnAdmission>().EnterAsync(answerBy, cancellationToken);
        using var held = TurnAdmission.Hold(place);
        try
        {
            var response = await adapter.ProcessAsync(http.Request.Headers.Authorization.ToString(), activity!, bot.OnTurnAsync, cancellationToken);
            return response?.Body is null
                ? Results.StatusCode(response?.Status ?? StatusCodes.Status200OK)
                : Results.Content(JsonConvert.SerializeObject(response.Body, ActivitySettings), "application/json", statusCode: response.Status);
        }
        catch (TenantNotAllowedException)
        {
            return Results.Problem("This tenant is not allowed to use BepBot.", statusCode: StatusCodes.Status403Forbidden);
        }
        catch (Exception ex) when (!http.Items.ContainsKey(PipelineStartedKey))
        {
            // Anything that fails before our pipeline runs is the SDK authenticating the request.
            LogUnauthenticated(logger, ex.GetType().Name, ex.Message);
            return Results.Problem("The request could not be authenticated.", statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    private static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "missing type";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "missing from";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "missing conversation";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return "missing or invalid serviceUrl";
        }

        // Teams names every member it adds or removes; a null or nameless one is forged, and the SDK's own Teams handler
        // would throw on it.
        if (HasMemberWithoutId(activity.MembersAdded))
        {
            return "membersAdded holds a member without an id";
        }

        if (HasMemberWithoutId(activity.MembersRemoved))
        {
            return "membersRemoved holds a member without an id";
        }

        return null;
    }

    private static bool HasMemberWithoutId(IList<ChannelAccount>? members) =>
        members?.Any(member => string.IsNullOrWhiteSpace(member?.Id)) == true;

    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity rejected: malformed JSON ({Reason})")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity rejected: authentication failed ({ExceptionType}: {Reason})")]
    private static partial void LogUnauthenticated(ILogger logger, string exceptionType, string reason);
}
