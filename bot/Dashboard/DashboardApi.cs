using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Dashboard;

/// <summary>
/// The tab's API: who is signed in and which pages they have, a page's view, a change posted from a page. Every answer
/// is checked against the roster's role first (403), then the feature's own rules; nothing is cached by the browser.
/// </summary>
public static partial class DashboardApi
{
    private const long MaxActionBytes = 2 * 1024 * 1024;

    public static IResult Texts(IStringLocalizer<DashboardTexts> texts) =>
        Results.Json(texts.GetAllStrings(includeParentCultures: true).ToDictionary(text => text.Name, text => text.Value, StringComparer.Ordinal), DashboardJson.Options);

    public static async Task<IResult> MeAsync(
        ClaimsPrincipal principal,
        TabUsers users,
        IEnumerable<IDashboardPage> pages,
        IStringLocalizer<ChatTexts> chatTexts,
        IMemberDirectory roster,
        CancellationToken cancellationToken)
    {
        var user = await users.UserOfAsync(principal, cancellationToken);
        return Results.Json(
            new TabMe(
                user.Name,
                user.Role.Id(),
                chatTexts.Describe(user),
                user.Commune,
                CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
                await roster.IsDemoAsync(cancellationToken),
                [.. pages.Where(page => page.IsFor(user)).OrderBy(page => page.MenuOrder).Select(page => new TabMenuItem(page.Name, page.Title))]),
            DashboardJson.Options);
    }

    public static async Task<IResult> PageAsync(
        string name,
        HttpRequest request,
        ClaimsPrincipal principal,
        TabUsers users,
        IEnumerable<IDashboardPage> pages,
        IStringLocalizer<DashboardTexts> texts,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DashboardApi));
        var page = pages.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
        if (page is null)
        {
            return Problem(StatusCodes.Status404NotFound, texts["Error_UnknownPage"]);
        }

        var user = await users.UserOfAsync(principal, cancellationToken);
        if (!page.IsFor(user))
        {
            LogPageRefused(logger, page.Name, user.AadObjectId, user.Role);
            return Problem(StatusCodes.Status403Forbidden, texts["Error_PageForbidden"]);
        }

        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var view = await page.LoadAsync(new DashboardRequest(user, query), cancellationToken);
        return Results.Json(view, DashboardJson.Options);
    }

    public static async Task<IResult> ActionAsync(
        string verb,
        HttpRequest request,
        ClaimsPrincipal principal,
        CrossSiteGuard guard,
        TabUsers users,
        IEnumerable<IDashboardAction> actions,
        IStringLocalizer<DashboardTexts> texts,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DashboardApi));
        switch (guard.Check(request))
        {
            case CrossSiteVerdict.NotJson:
                LogCrossSiteRefused(logger, verb, "not JSON");
                return Problem(StatusCodes.Status415UnsupportedMediaType, texts["Error_NotJson"]);
            case CrossSiteVerdict.ForeignOrigin:
                LogCrossSiteRefused(logger, verb, "foreign origin");
                return Problem(StatusCodes.Status403Forbidden, texts["Error_ForeignOrigin"]);
        }

        var action = actions.FirstOrDefault(candidate => string.Equals(candidate.Verb, verb, StringComparison.Ordinal));
        if (action is null)
        {
            return Problem(StatusCodes.Status404NotFound, texts["Error_UnknownAction"]);
        }

        var user = await users.UserOfAsync(principal, cancellationToken);
        if (!action.IsAllowed(user))
        {
            LogActionRefused(logger, verb, user.AadObjectId, user.Role);
            return Problem(StatusCodes.Status403Forbidden, texts["Error_ActionForbidden"]);
        }

        if (request.ContentLength > MaxActionBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, texts["Error_TooLarge"]);
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            LogBadData(logger, verb, ex.Message);
            return Problem(StatusCodes.Status400BadRequest, texts["Error_BadData"]);
        }

        using (body)
        {
            try
            {
                var result = await action.RunAsync(new DashboardRequest(user, new Dictionary<string, string>()), body.RootElement, cancellationToken);
                LogActionRun(logger, verb, user.AadObjectId, result.Done);
                return Results.Json(result, DashboardJson.Options);
            }
            catch (InvalidCardDataException ex)
            {
                LogBadData(logger, verb, ex.Message);
                return Problem(StatusCodes.Status400BadRequest, texts["Error_BadData"]);
            }
        }
    }

    private static IResult Problem(int status, string message) =>
        Results.Json(new TabProblem(message), DashboardJson.Options, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard page {Page} refused to {Member} ({Role})")]
    private static partial void LogPageRefused(ILogger logger, string page, [PseudonymousId] string member, Role role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard action {Verb} refused to {Member} ({Role})")]
    private static partial void LogActionRefused(ILogger logger, string verb, [PseudonymousId] string member, Role role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard action {Verb} refused: {Reason}, a cross-site request")]
    private static partial void LogCrossSiteRefused(ILogger logger, string verb, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard action {Verb} refused: malformed data ({Reason})")]
    private static partial void LogBadData(ILogger logger, string verb, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard action {Verb} run by {Member}: done {Done}")]
    private static partial void LogActionRun(ILogger logger, string verb, [PseudonymousId] string member, bool done);
}
