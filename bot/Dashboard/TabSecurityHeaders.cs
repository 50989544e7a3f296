namespace BepBot.Dashboard;

/// <summary>
/// The headers of every /tab response. The shell may be framed only by Teams and the Microsoft 365 hosts that show
/// Teams apps (Microsoft's list for tabs, docs/dashboard.md), loads only its own scripts and styles, and talks only to
/// its own origin (and the CDN Teams' SDK reads its host list from); the API's answers are never kept by a browser or a proxy.
/// </summary>
public static class TabSecurityHeaders
{
    public const string FrameAncestors =
        "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com https://teams.cloud.microsoft https://*.cloud.microsoft "
        + "https://*.office.com https://*.microsoft365.com https://outlook.office.com https://outlook.office365.com https://outlook.live.com";

    // Teams' JS SDK reads the list of hosts it may answer from Microsoft's CDN at start (its own list otherwise): the
    // one address the shell fetches that is not its own.
    public const string TeamsSdkDomains = "https://res.cdn.office.net";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' " + TeamsSdkDomains + "; font-src 'self'; "
        + "base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors " + FrameAncestors;

    public static async Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/tab", StringComparison.Ordinal))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = context.Request.Path.StartsWithSegments("/tab/api", StringComparison.Ordinal) ? "no-store" : "no-cache";
        }

        await next(context);
    }
}
