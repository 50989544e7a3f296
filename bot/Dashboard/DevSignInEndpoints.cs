using BepBot.Chat;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Dashboard;

/// <summary>
/// Development only (mapped nowhere else): the people one may sign in as outside Teams, and the sign-in itself, which
/// gives a token of <see cref="DevSignIn"/> for a roster entry. The tab offers it when it finds no Teams host.
/// </summary>
public static partial class DevSignInEndpoints
{
    public static async Task<IResult> PeopleAsync(IMemberDirectory roster, IStringLocalizer<ChatTexts> chatTexts, CancellationToken cancellationToken) =>
        Results.Json(
            (await roster.ListAsync(cancellationToken))
                .Where(member => !member.IsPending)
                .OrderByDescending(member => member.Role)
                .ThenBy(member => member.Name, StringComparer.CurrentCulture)
                .Select(member => new DevSignInPerson(member.AadObjectId, member.Name, chatTexts.Describe(member.Role, member.Commune)))
                .ToList(),
            DashboardJson.Options);

    public static async Task<IResult> SignInAsync(
        HttpRequest request,
        DevSignInRequest person,
        CrossSiteGuard guard,
        IMemberDirectory roster,
        DevSignIn signIn,
        IConfiguration configuration,
        IOptions<DashboardOptions> options,
        IStringLocalizer<DashboardTexts> texts,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (guard.Check(request) != CrossSiteVerdict.Allowed)
        {
            return Results.Json(new TabProblem(texts["Error_ForeignOrigin"]), DashboardJson.Options, statusCode: StatusCodes.Status403Forbidden);
        }

        if (await roster.FindAsync(person.AadObjectId, cancellationToken) is not { IsPending: false } member)
        {
            return Results.Json(new TabProblem(texts["Error_UnknownPerson"]), DashboardJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }

        var tenant = member.TenantId ?? configuration["Roster:DefaultTenantId"] ?? string.Empty;
        var lifetime = options.Value.DevSignInLifetime;
        LogSignedIn(loggers.CreateLogger(typeof(DevSignInEndpoints)), member.Name);
        return Results.Json(new DevSignInToken(signIn.TokenFor(tenant, member.AadObjectId, member.Name, member.Email, lifetime), (int)lifetime.TotalSeconds), DashboardJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development sign-in to the dashboard tab as {Name} (demo; never on in Production)")]
    private static partial void LogSignedIn(ILogger logger, string name);
}
